// RealFileSystem::replace, the in-place edit of a note (issue 24, "No note lost"): other
// programs' writes, metadata, links and the temporary files of killed writers.
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <sys/xattr.h>
#include <unistd.h>

#include "kb/store/real_fs.h"
#include "support/temp_dir.h"

namespace {

using kb::test::TempDir;

// Appends to the file at `full` in place, as an editor that saves without a rename does.
void append_in_place(const std::string& full, const std::string& text) {
  int fd = ::open(full.c_str(), O_WRONLY | O_APPEND);
  REQUIRE(fd >= 0);
  REQUIRE(::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()));
  ::close(fd);
}

// The raw value of extended attribute `name` of `full`, or "" without one.
std::string xattr_of(const std::string& full, const char* name) {
  char buf[4096];
  ssize_t n = ::getxattr(full.c_str(), name, buf, sizeof buf);
  return n < 0 ? std::string() : std::string(buf, static_cast<std::size_t>(n));
}

// What this kb process puts in its temporary files' names (as real_fs.cpp makes it).
std::string machine_tag() {
  std::ifstream in("/proc/sys/kernel/random/boot_id");
  std::string boot, hex;
  std::getline(in, boot);
  for (char c : boot)
    if (std::isxdigit(static_cast<unsigned char>(c)) && hex.size() < 12) hex += c;
  struct stat ns {};
  if (hex.size() != 12 || ::stat("/proc/self/ns/pid", &ns) != 0) return {};
  return hex + "." + std::to_string(ns.st_ino);
}

const std::string kOld = "- [ ] a\n";
const std::string kNew = "- [x] a\n";

}  // namespace

TEST_SUITE("store") {
  TEST_CASE("issue 24: a note another program writes while kb writes is not lost") {
    TempDir t;
    t.write("m.md", kOld);
    kb::RealFileSystem fs(t.path);
    SUBCASE("while the temporary file is written: the last look sees it, nothing is written") {
      fs.set_replace_hook([&](kb::RealFileSystem::ReplaceStep step) {
        if (step == kb::RealFileSystem::ReplaceStep::temp_written) append_in_place(t / "m.md", "- [ ] b\n");
      });
      CHECK(fs.replace("m.md", kOld, kNew).status == kb::WriteStatus::changed);
    }
    SUBCASE("between the last look and the rename: its version is put back") {
      fs.set_replace_hook([&](kb::RealFileSystem::ReplaceStep step) {
        if (step == kb::RealFileSystem::ReplaceStep::last_checked) append_in_place(t / "m.md", "- [ ] b\n");
      });
      CHECK(fs.replace("m.md", kOld, kNew).status == kb::WriteStatus::changed);
    }
    CHECK(t.read("m.md") == "- [ ] a\n- [ ] b\n");
    CHECK(t.temps().empty());
  }

  TEST_CASE("issue 24: an edit keeps the note's mode, owner, group, ACL and extended attributes") {
    TempDir t;
    t.write("m.md", kOld);
    const std::string note = t / "m.md";
    REQUIRE(::chmod(note.c_str(), 0640) == 0);
    const bool root = ::geteuid() == 0;
    if (root) REQUIRE(::chown(note.c_str(), 65534, 65534) == 0);
    bool xattrs = ::setxattr(note.c_str(), "user.kb-test", "v\0w", 3, 0) == 0;
    // An ACL entry for 'nobody' (uid 65534), in the kernel's xattr form (acl_ea.h).
    const unsigned char acl[] = {2, 0, 0, 0,                                      // version
                                 1, 0, 6, 0, 0xff, 0xff, 0xff, 0xff,              // user:: rw
                                 2, 0, 6, 0, 0xfe, 0xff, 0, 0,                    // user:65534: rw
                                 4, 0, 4, 0, 0xff, 0xff, 0xff, 0xff,              // group:: r
                                 0x10, 0, 6, 0, 0xff, 0xff, 0xff, 0xff,           // mask:: rw
                                 0x20, 0, 0, 0, 0xff, 0xff, 0xff, 0xff};          // other:: -
    bool acls = ::setxattr(note.c_str(), "system.posix_acl_access", acl, sizeof acl, 0) == 0;
    if (!xattrs) MESSAGE("extended attributes not supported here: not checked");
    if (!acls) MESSAGE("POSIX ACLs not supported here: not checked");
    struct stat before {};
    REQUIRE(::stat(note.c_str(), &before) == 0);
    const std::string acl_before = xattr_of(note, "system.posix_acl_access");

    kb::RealFileSystem fs(t.path);
    kb::WriteResult w = fs.replace("m.md", kOld, kNew);
    CHECK(w.message == "");
    REQUIRE(w.status == kb::WriteStatus::ok);
    CHECK(t.read("m.md") == kNew);
    struct stat after {};
    REQUIRE(::stat(note.c_str(), &after) == 0);
    CHECK(after.st_ino != before.st_ino);  // replaced, not written over
    CHECK((after.st_mode & 07777) == (before.st_mode & 07777));
    CHECK(after.st_uid == before.st_uid);
    CHECK(after.st_gid == before.st_gid);
    if (xattrs) CHECK(xattr_of(note, "user.kb-test") == std::string("v\0w", 3));
    if (acls) CHECK(xattr_of(note, "system.posix_acl_access") == acl_before);
    CHECK(t.temps().empty());
  }

  TEST_CASE("issue 24: a note without an ACL gets none from its folder's default ACL") {
    TempDir t;
    t.write("notes/m.md", kOld);
    // A default ACL on the folder, which a new file there inherits as its access ACL.
    const unsigned char acl[] = {2, 0, 0, 0,                             // version
                                 1, 0, 6, 0, 0xff, 0xff, 0xff, 0xff,     // user:: rw
                                 2, 0, 6, 0, 0xfe, 0xff, 0, 0,           // user:65534: rw
                                 4, 0, 4, 0, 0xff, 0xff, 0xff, 0xff,     // group:: r
                                 0x10, 0, 6, 0, 0xff, 0xff, 0xff, 0xff,  // mask:: rw
                                 0x20, 0, 0, 0, 0xff, 0xff, 0xff, 0xff}; // other:: -
    if (::setxattr((t / "notes").c_str(), "system.posix_acl_default", acl, sizeof acl, 0) != 0) {
      MESSAGE("POSIX ACLs not supported here: not checked");
      return;
    }
    REQUIRE(::chmod((t / "notes/m.md").c_str(), 0644) == 0);
    REQUIRE(xattr_of(t / "notes/m.md", "system.posix_acl_access").empty());
    kb::RealFileSystem fs(t.path);
    REQUIRE(fs.replace("notes/m.md", kOld, kNew).status == kb::WriteStatus::ok);
    CHECK(t.read("notes/m.md") == kNew);
    CHECK(xattr_of(t / "notes/m.md", "system.posix_acl_access").empty());
    struct stat st {};
    REQUIRE(::stat((t / "notes/m.md").c_str(), &st) == 0);
    CHECK((st.st_mode & 07777) == 0644);
  }

  TEST_CASE("issue 24: read-only and hard-linked notes are refused, untouched") {
    TempDir t;
    t.write("m.md", kOld);
    kb::RealFileSystem fs(t.path);
    SUBCASE("read-only (root, who could write it, refuses too)") {
      REQUIRE(::chmod((t / "m.md").c_str(), 0444) == 0);
      kb::WriteResult w = fs.replace("m.md", kOld, kNew);
      CHECK(w.status == kb::WriteStatus::error);
      CHECK(w.message == "it is read-only; kb does not change a note's permissions (make it writable to edit it)");
      struct stat st {};
      REQUIRE(::stat((t / "m.md").c_str(), &st) == 0);
      CHECK((st.st_mode & 07777) == 0444);
    }
    SUBCASE("hard-linked") {
      REQUIRE(::link((t / "m.md").c_str(), (t / "copy.md").c_str()) == 0);
      kb::WriteResult w = fs.replace("m.md", kOld, kNew);
      CHECK(w.status == kb::WriteStatus::error);
      CHECK(w.message == "it has 2 hard links, which replacing it would split; edit it by hand");
      CHECK(t.read("copy.md") == kOld);
    }
    CHECK(t.read("m.md") == kOld);
    CHECK(t.temps().empty());
  }

  TEST_CASE("issue 24: a symbolic link is edited at its target only inside the KB") {
    TempDir t, outside;
    t.write("notes/real.md", kOld);
    outside.write("far.md", kOld);
    outside.write("dir/n.md", kOld);
    REQUIRE(::symlink("notes/real.md", (t / "link.md").c_str()) == 0);
    REQUIRE(::symlink((outside / "far.md").c_str(), (t / "far.md").c_str()) == 0);
    REQUIRE(::symlink((outside / "dir").c_str(), (t / "ext").c_str()) == 0);
    kb::RealFileSystem fs(t.path);

    CHECK(fs.replace("link.md", kOld, kNew).status == kb::WriteStatus::ok);
    CHECK(t.read("notes/real.md") == kNew);
    struct stat st {};
    REQUIRE(::lstat((t / "link.md").c_str(), &st) == 0);
    CHECK(S_ISLNK(st.st_mode));
    CHECK(t.temps("notes").empty());

    kb::WriteResult w = fs.replace("far.md", kOld, kNew);
    CHECK(w.status == kb::WriteStatus::error);
    CHECK(w.message == "it is a symbolic link to a file outside the knowledge base; edit that file by hand");
    CHECK(outside.read("far.md") == kOld);

    w = fs.replace("ext/n.md", kOld, kNew);
    CHECK(w.status == kb::WriteStatus::error);
    CHECK(w.message ==
          "folder 'ext' leads outside the knowledge base; refusing to write there (replace the link with a folder)");
    CHECK(outside.read("dir/n.md") == kOld);
    CHECK(outside.temps("dir").empty());
  }

  TEST_CASE("issue 24: temporary files of killed writers are removed, live writers' kept") {
    TempDir t;
    t.write("m.md", kOld);
    const std::string tag = machine_tag();
    pid_t dead = ::fork();
    REQUIRE(dead >= 0);
    if (dead == 0) ::_exit(0);
    REQUIRE(::waitpid(dead, nullptr, 0) == dead);
    t.write(".kb-tmp-old123", "x");  // an older kb's name, or another machine's: by age only
    t.write(".kb-tmp-new123", "x");
    struct timeval two_hours_ago[2] = {{::time(nullptr) - 7200, 0}, {::time(nullptr) - 7200, 0}};
    REQUIRE(::utimes((t / ".kb-tmp-old123").c_str(), two_hours_ago) == 0);
    std::vector<std::string> kept = {".kb-tmp-new123"};
    if (!tag.empty()) {
      t.write(".kb-tmp-" + tag + "." + std::to_string(dead) + "-dead01", "x");
      t.write(".kb-tmp-" + tag + "." + std::to_string(::getpid()) + "-live01", "x");
      kept.push_back(".kb-tmp-" + tag + "." + std::to_string(::getpid()) + "-live01");
      std::sort(kept.begin(), kept.end());
    } else {
      MESSAGE("no /proc boot id or pid namespace: only the age rule is checked");
    }
    kb::RealFileSystem fs(t.path);
    REQUIRE(fs.replace("m.md", kOld, kNew).status == kb::WriteStatus::ok);
    CHECK(t.temps() == kept);
    REQUIRE(fs.write_new("other.md", kOld).status == kb::WriteStatus::ok);
    CHECK(t.temps() == kept);
  }
}
