#include "kb/store/output_file.h"

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <doctest/doctest.h>

#include "support/temp_dir.h"

using namespace kb;
namespace fs = std::filesystem;

namespace {

using kb::test::TempDir;

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void put(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

}  // namespace

TEST_CASE("write_output creates a new file, and replaces a regular one keeping its mode") {
  TempDir d;
  CHECK(write_output(d / "a.html", "one", {}).status == WriteStatus::ok);
  CHECK(slurp(d / "a.html") == "one");
  ::chmod((d / "a.html").c_str(), 0640);
  CHECK(write_output(d / "a.html", "two", {}).status == WriteStatus::ok);
  CHECK(slurp(d / "a.html") == "two");
  struct stat st {};
  REQUIRE(::stat((d / "a.html").c_str(), &st) == 0);
  CHECK((st.st_mode & 07777) == 0640);
  CHECK(std::distance(fs::directory_iterator(d.path), fs::directory_iterator()) == 1);  // no temporary left
}

TEST_CASE("write_output refuses to replace a regular file when told to") {
  TempDir d;
  put(d / "x.ics", "mine");
  OutputRules rules;
  rules.replace_regular = false;
  CHECK(write_output(d / "x.ics", "new", rules).status == WriteStatus::exists);
  CHECK(slurp(d / "x.ics") == "mine");
}

TEST_CASE("write_output follows a symbolic link and leaves the link in place") {
  TempDir d;
  put(d / "target.md", "old");
  fs::create_symlink("target.md", d / "link.md");
  CHECK(write_output(d / "link.md", "new", {}).status == WriteStatus::ok);
  CHECK(fs::is_symlink(d / "link.md"));
  CHECK(slurp(d / "target.md") == "new");
  // A dangling link: the file it names is created.
  fs::create_symlink("later.md", d / "dangling.md");
  CHECK(write_output(d / "dangling.md", "made", {}).status == WriteStatus::ok);
  CHECK(slurp(d / "later.md") == "made");
}

TEST_CASE("write_output writes through a FIFO") {
  TempDir d;
  REQUIRE(::mkfifo((d / "p").c_str(), 0600) == 0);
  int reader = ::open((d / "p").c_str(), O_RDONLY | O_NONBLOCK);
  REQUIRE(reader >= 0);
  CHECK(write_output(d / "p", "through", {}).status == WriteStatus::ok);
  char buf[16] = {};
  CHECK(::read(reader, buf, sizeof buf) == 7);
  CHECK(std::string(buf) == "through");
  ::close(reader);
  struct stat st {};
  REQUIRE(::lstat((d / "p").c_str(), &st) == 0);
  CHECK(S_ISFIFO(st.st_mode));
}

TEST_CASE("write_output reports folders, write errors and files of the KB") {
  TempDir d;
  fs::create_directory(d / "dir");
  WriteResult r = write_output(d / "dir", "x", {});
  CHECK(r.status == WriteStatus::error);
  CHECK(r.message == "cannot write '" + (d / "dir") + "': it is a folder");
  r = write_output("/dev/full", "x", {});
  CHECK(r.status == WriteStatus::error);
  CHECK(r.message == "cannot write '/dev/full': No space left on device");

  fs::create_directories(d / "kb/people");
  fs::create_directories(d / "kb/.kb");
  put(d / "kb/people/ana.md", "note");
  OutputRules rules;
  rules.kb_root = d / "kb";
  for (std::string rel : {"people/ana.md", "kb.yaml", ".kb/cache.sqlite"}) {
    r = write_output(d / ("kb/" + rel), "report", rules);
    CHECK(r.status == WriteStatus::error);
    CHECK(r.message.find("it is a file of the knowledge base ('" + rel + "')") != std::string::npos);
  }
  CHECK(slurp(d / "kb/people/ana.md") == "note");
  fs::create_symlink(d / "kb/people/ana.md", d / "sneaky.html");
  CHECK(write_output(d / "sneaky.html", "report", rules).status == WriteStatus::error);
  CHECK(write_output(d / "kb/report.html", "report", rules).status == WriteStatus::ok);
}

TEST_CASE("write_output removes a killed writer's stale temporary file, never a fresh one") {
  TempDir d;
  put(d / ".kb-tmp-elsewhere-aaaaaa", "left by a writer killed two hours ago");
  put(d / ".kb-tmp-elsewhere-bbbbbb", "a writer at work on another machine");
  auto two_hours_ago = fs::file_time_type::clock::now() - std::chrono::hours(2);
  fs::last_write_time(d / ".kb-tmp-elsewhere-aaaaaa", two_hours_ago);
  CHECK(write_output(d / "week.html", "report", {}).status == WriteStatus::ok);
  CHECK_FALSE(fs::exists(d / ".kb-tmp-elsewhere-aaaaaa"));
  CHECK(fs::exists(d / ".kb-tmp-elsewhere-bbbbbb"));
  CHECK(slurp(d / "week.html") == "report");
}
