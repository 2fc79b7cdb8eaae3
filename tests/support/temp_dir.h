#pragma once
// A temporary folder for tests that touch the disk, removed (permissions restored first) at
// the end of the test, with small helpers to write, read and list what is in it.

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

#include <unistd.h>
#include <string>
#include <vector>

#include <doctest/doctest.h>

namespace kb::test {

// A temporary KB folder, removed at the end of the test.
struct TempDir {
  std::string path;
  TempDir() {
    char tmpl[] = "/tmp/kb-test-XXXXXX";
    REQUIRE(::mkdtemp(tmpl) != nullptr);
    path = tmpl;
  }
  ~TempDir() { std::system(("chmod -R u+rwx '" + path + "' 2>/dev/null; rm -rf '" + path + "'").c_str()); }
  std::string operator/(const std::string& rel) const { return path + "/" + rel; }
  void write(const std::string& rel, const std::string& content) const {
    std::string full = *this / rel;
    std::filesystem::create_directories(std::filesystem::path(full).parent_path());
    std::ofstream(full, std::ios::binary) << content;
  }
  std::string read(const std::string& rel) const {
    std::ifstream in(*this / rel, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  }
  // The names in folder `rel` that start with ".kb-tmp-".
  std::vector<std::string> temps(const std::string& rel = "") const {
    std::vector<std::string> out;
    for (const auto& e : std::filesystem::directory_iterator(rel.empty() ? path : *this / rel)) {
      std::string name = e.path().filename().string();
      if (name.rfind(".kb-tmp-", 0) == 0) out.push_back(name);
    }
    std::sort(out.begin(), out.end());
    return out;
  }
};

}  // namespace kb::test
