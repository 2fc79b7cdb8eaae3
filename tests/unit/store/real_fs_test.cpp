#include "kb/store/real_fs.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include <doctest/doctest.h>

#include "support/diag_text.h"
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kb/model/load.h"
#include "support/temp_dir.h"

namespace {

using kb::test::diag_text;

using kb::test::TempDir;

std::vector<std::string> paths(const std::vector<kb::FileInfo>& files) {
  std::vector<std::string> out;
  for (const auto& f : files) out.push_back(f.path);
  return out;
}

const std::string kNote = "---\ntitle: T\n---\nbody\n";

}  // namespace

TEST_SUITE("store") {
  TEST_CASE("real fs: hidden folders, templates/ and non-Markdown files are skipped") {
    TempDir t;
    t.write("a.md", kNote);
    t.write("notes/b.md", kNote);
    t.write(".obsidian/c.md", kNote);
    t.write("templates/meeting.md", kNote);
    t.write("notes/templates/d.md", kNote);
    t.write("notes/e.txt", kNote);
    kb::RealFileSystem fs(t.path);
    kb::DiagSink d;
    CHECK(paths(fs.list_markdown(d)) == std::vector<std::string>{"a.md", "notes/b.md", "notes/templates/d.md"});
    CHECK(diag_text(d) == "");
  }

  TEST_CASE("real fs: what the ignore rules skip is not walked, whether found as a file or through a link") {
    TempDir t;
    t.write("a.md", kNote);
    t.write("Meta/Templates/meeting.md", kNote);
    t.write("Archive/2019/old.md", kNote);
    t.write("Drawings/plan.excalidraw.md", kNote);
    t.write("Drawings/plan.md", kNote);
    std::filesystem::create_directory_symlink(t / "Meta", t / "Linked");
    REQUIRE(::chmod((t / "Archive/2019").c_str(), 0) == 0);  // pruned: never opened, so no error
    kb::IgnoreRules rules;
    std::string error;
    rules.add_folder("Meta/Templates");
    rules.add_glob("Linked/**");
    REQUIRE(rules.add_excluded("Archive/", error));
    REQUIRE(rules.add_excluded("/excalidraw/", error));
    kb::RealFileSystem fs(t.path);
    kb::DiagSink d;
    CHECK(paths(fs.list_markdown(rules, d)) == std::vector<std::string>{"Drawings/plan.md", "a.md"});
    CHECK(diag_text(d) == "");
    ::chmod((t / "Archive/2019").c_str(), 0755);
  }

  TEST_CASE("real fs: a FIFO named x.md neither hangs the walk nor a read") {
    TempDir t;
    t.write("a.md", kNote);
    REQUIRE(::mkfifo((t / "x.md").c_str(), 0644) == 0);
    kb::RealFileSystem fs(t.path);
    kb::DiagSink d;
    CHECK(paths(fs.list_markdown(d)) == std::vector<std::string>{"a.md"});
    CHECK(diag_text(d) == "x.md: warning: not a regular file; skipped\n");
    std::string out, error;
    CHECK_FALSE(fs.read("x.md", out, error));
    CHECK(error == "not a regular file");
  }

  TEST_CASE("real fs: a directory named foo.md is walked as a folder, not read as a note") {
    TempDir t;
    t.write("foo.md/inner.md", kNote);
    kb::RealFileSystem fs(t.path);
    kb::DiagSink d;
    CHECK(paths(fs.list_markdown(d)) == std::vector<std::string>{"foo.md/inner.md"});
    CHECK(diag_text(d) == "");
    std::string out, error;
    CHECK_FALSE(fs.read("foo.md", out, error));
  }

  TEST_CASE("real fs: symbolic link loops are detected by device and inode") {
    TempDir t;
    t.write("a/note.md", kNote);
    REQUIRE(::symlink("..", (t / "a/up").c_str()) == 0);
    REQUIRE(::symlink("../a", (t / "a/self").c_str()) == 0);
    REQUIRE(::symlink("loop2.md", (t / "loop1.md").c_str()) == 0);
    REQUIRE(::symlink("loop1.md", (t / "loop2.md").c_str()) == 0);
    kb::RealFileSystem fs(t.path);
    kb::DiagSink d;
    CHECK(paths(fs.list_markdown(d)) == std::vector<std::string>{"a/note.md"});
    CHECK(diag_text(d) ==
          "a/self: warning: symbolic link loop; skipped\n"
          "a/up: warning: symbolic link loop; skipped\n"
          "loop1.md: warning: symbolic link loop; skipped\n"
          "loop2.md: warning: symbolic link loop; skipped\n");
    REQUIRE(::symlink("nowhere.md", (t / "dangling.md").c_str()) == 0);
    kb::DiagSink d2;
    fs.list_markdown(d2);
    CHECK(diag_text(d2).find("dangling.md: warning: broken symbolic link; skipped\n") != std::string::npos);
  }

  TEST_CASE("real fs: a note reached by two paths is listed once, under its real path") {
    TempDir t;
    t.write("meetings/a.md", kNote);
    REQUIRE(::symlink("meetings", (t / "m2").c_str()) == 0);
    REQUIRE(::symlink("meetings/a.md", (t / "b.md").c_str()) == 0);
    kb::RealFileSystem fs(t.path);
    kb::DiagSink d;
    CHECK(paths(fs.list_markdown(d)) == std::vector<std::string>{"meetings/a.md"});
    CHECK(diag_text(d) == "");
    // Two hard links are equally real: the first in byte order wins.
    REQUIRE(::link((t / "meetings/a.md").c_str(), (t / "c.md").c_str()) == 0);
    kb::DiagSink d2;
    CHECK(paths(fs.list_markdown(d2)) == std::vector<std::string>{"c.md"});
  }

  TEST_CASE("real fs: a large tree lists every note once, in byte order of the path, with its stamps") {
    // Over 64 folders (pending stats are taken in batches) and over 512 notes in one folder
    // (stat'ed on several threads); "a-b.md" sorts before "a/x.md" in byte order ('-' < '/').
    TempDir t;
    std::vector<std::string> want;
    for (int f = 0; f < 70; ++f) {
      std::string dir = "f" + std::to_string(100 + f);
      for (int n = 0; n < 3; ++n) want.push_back(dir + "/n" + std::to_string(n) + ".md");
    }
    for (int n = 0; n < 600; ++n) want.push_back("many/" + std::to_string(1000 + n) + ".md");
    want.push_back("a/x.md");
    want.push_back("a-b.md");
    for (std::size_t i = 0; i < want.size(); ++i) t.write(want[i], std::string(i % 7, 'x'));
    std::sort(want.begin(), want.end());
    kb::RealFileSystem fs(t.path);
    kb::DiagSink d;
    auto files = fs.list_markdown(d);
    CHECK(diag_text(d) == "");
    REQUIRE(paths(files) == want);
    CHECK(want[0] == "a-b.md");
    for (const auto& f : files) {
      struct stat st {};
      REQUIRE(::stat((t / f.path).c_str(), &st) == 0);
      CHECK(f.size == static_cast<std::uint64_t>(st.st_size));
      CHECK(f.inode == st.st_ino);
      CHECK(f.mtime_ns == static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec);
      CHECK(f.ctime_ns == static_cast<std::int64_t>(st.st_ctim.tv_sec) * 1000000000 + st.st_ctim.tv_nsec);
      CHECK(f.ctime_ns != 0);
    }
  }

  TEST_CASE("real fs: files over the size cap are skipped with a warning") {
    TempDir t;
    t.write("a.md", kNote);
    int fd = ::open((t / "big.md").c_str(), O_WRONLY | O_CREAT, 0644);
    REQUIRE(fd >= 0);
    REQUIRE(::ftruncate(fd, static_cast<off_t>(kb::RealFileSystem::kMaxFileSize) + 1) == 0);
    ::close(fd);
    kb::RealFileSystem fs(t.path);
    kb::DiagSink d;
    CHECK(paths(fs.list_markdown(d)) == std::vector<std::string>{"a.md"});
    CHECK(diag_text(d) == "big.md: warning: file is larger than 16 MiB; skipped\n");
    std::string out, error;
    CHECK_FALSE(fs.read("big.md", out, error));
    CHECK(error == "file is too large");
  }

  TEST_CASE("real fs: record ids are NFC whatever form the file name is in") {
    TempDir t;
    t.write("people/zoe\xCC\x88.md", "---\ntype: person\nname: Zo\xC3\xAB\n---\n");
    kb::RealFileSystem fs(t.path);
    kb::LoadResult r = kb::load_kb(fs);
    CHECK(diag_text(r.diags) == "");
    REQUIRE(r.kb.records().size() == 1);
    CHECK(r.kb.records()[0].rid == "people/zo\xC3\xAB");
    CHECK(r.kb.records()[0].path == "people/zoe\xCC\x88.md");
    CHECK(r.kb.lookup_rid("people/zo\xC3\xAB") != nullptr);
  }

  TEST_CASE("real fs: unreadable files and folders are reported (as an unprivileged user)") {
    TempDir t;
    t.write("a.md", kNote);
    t.write("secret.md", kNote);
    t.write("locked/b.md", kNote);
    REQUIRE(::chmod(t.path.c_str(), 0755) == 0);
    REQUIRE(::chmod((t / "secret.md").c_str(), 0) == 0);
    REQUIRE(::chmod((t / "locked").c_str(), 0) == 0);
    // Root reads anything: run the walk in a child that drops to 'nobody' first.
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      ::close(fds[0]);
      if (::geteuid() == 0 && (::setgid(65534) != 0 || ::setuid(65534) != 0)) ::_exit(3);
      kb::RealFileSystem fs(t.path);
      kb::LoadResult r = kb::load_kb(fs);
      std::string text = diag_text(r.diags) + "loaded " + std::to_string(r.kb.records().size()) + "\n";
      ssize_t n = ::write(fds[1], text.data(), text.size());
      ::_exit(n == static_cast<ssize_t>(text.size()) ? 0 : 4);
    }
    ::close(fds[1]);
    std::string got;
    char buf[512];
    for (ssize_t n; (n = ::read(fds[0], buf, sizeof buf)) > 0;) got.append(buf, static_cast<std::size_t>(n));
    ::close(fds[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    CHECK(got ==
          "locked: error: cannot read folder: Permission denied\n"
          "secret.md: error: cannot read file: Permission denied\n"
          "loaded 1\n");
  }

  TEST_CASE("real fs: write_new never replaces a file") {
    TempDir t;
    t.write("a.md", kNote);
    kb::RealFileSystem fs(t.path);
    CHECK(fs.write_new("a.md", "other").status == kb::WriteStatus::exists);
    std::string out, error;
    REQUIRE(fs.read("a.md", out, error));
    CHECK(out == kNote);
    CHECK(fs.write_new("new/b.md", "x").status == kb::WriteStatus::ok);
    REQUIRE(fs.read("new/b.md", out, error));
    CHECK(out == "x");
  }
}
