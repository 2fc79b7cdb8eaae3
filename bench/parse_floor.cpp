// kb_parse_floor: the least work any tool must do to answer from front matter (or from front
// matter and bodies), as a yardstick for kb's cold load in `make bench`.
//
//   kb_parse_floor [--body] DIR
//
// Reads every *.md under DIR (hidden folders skipped) on every core, parses its front matter
// with yaml-cpp and, with --body, the rest with cmark-gfm (no extensions), and throws the
// results away. Says on stderr how many front matters parsed. Nothing of kb is used: this is the
// libraries' own cost plus reading the files.
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <cmark-gfm.h>
#include <yaml-cpp/yaml.h>

namespace fs = std::filesystem;

namespace {

std::vector<fs::path> notes_under(const fs::path& root) {
  std::vector<fs::path> out;
  for (auto it = fs::recursive_directory_iterator(root); it != fs::recursive_directory_iterator(); ++it) {
    const std::string name = it->path().filename().string();
    if (!name.empty() && name[0] == '.') {
      if (it->is_directory()) it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file() && it->path().extension() == ".md") out.push_back(it->path());
  }
  return out;
}

// Front matter: the lines between a first line "---" and the next "---" or "..." line.
bool split(const std::string& text, std::string& front, std::size_t& body_at) {
  if (text.compare(0, 4, "---\n") != 0) return false;
  std::size_t pos = 4;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    std::string_view line(text.data() + pos, end - pos);
    if (line == "---" || line == "...") {
      front = text.substr(4, pos - 4);
      body_at = std::min(end + 1, text.size());
      return true;
    }
    pos = end + 1;
  }
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  bool body = false;
  std::string dir;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--body") body = true;
    else dir = a;
  }
  if (dir.empty()) {
    std::fprintf(stderr, "usage: kb_parse_floor [--body] DIR\n");
    return 2;
  }
  const std::vector<fs::path> files = notes_under(dir);
  std::atomic<std::size_t> next{0}, parsed{0};
  auto work = [&] {
    std::string text, front;
    for (std::size_t i; (i = next.fetch_add(1)) < files.size();) {
      std::ifstream in(files[i], std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      text = ss.str();
      std::size_t body_at = 0;
      if (!split(text, front, body_at)) continue;
      try {
        YAML::Node node = YAML::Load(front);
        if (node.IsMap()) parsed.fetch_add(1);
      } catch (const YAML::Exception&) {
        continue;
      }
      if (body) {
        cmark_node* doc = cmark_parse_document(text.data() + body_at, text.size() - body_at, CMARK_OPT_DEFAULT);
        cmark_node_free(doc);
      }
    }
  };
  unsigned threads = std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < threads; ++t) pool.emplace_back(work);
  for (auto& t : pool) t.join();
  std::fprintf(stderr, "%zu front matters parsed\n", parsed.load());
  return 0;
}
