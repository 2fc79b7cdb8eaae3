#include "temp_files.h"

#include <cctype>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <ctime>
#include <vector>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace kb::temp {
namespace {

constexpr std::string_view kTempPrefix = ".kb-tmp-";
constexpr std::int64_t kTempMaxAgeSeconds = 3600;

// This boot and pid namespace, "<12 hex digits of the boot id>.<namespace inode>", or "" when
// /proc does not tell.
const std::string& this_machine() {
  static const std::string id = [] {
    std::string boot;
    if (FILE* f = std::fopen("/proc/sys/kernel/random/boot_id", "re")) {
      for (int c; (c = std::fgetc(f)) != EOF && boot.size() < 12;)
        if (std::isxdigit(c)) boot += static_cast<char>(c);
      std::fclose(f);
    }
    struct stat ns {};
    if (boot.size() != 12 || ::stat("/proc/self/ns/pid", &ns) != 0) return std::string();
    return boot + "." + std::to_string(ns.st_ino);
  }();
  return id;
}

}  // namespace

bool is_stale(std::string_view name, std::int64_t mtime_s, std::int64_t now_s) {
  if (now_s - mtime_s > kTempMaxAgeSeconds) return true;
  std::string_view rest = name.substr(kTempPrefix.size());
  const std::string& here = this_machine();
  if (here.empty() || rest.substr(0, here.size()) != here || rest.substr(here.size(), 1) != ".") return false;
  rest.remove_prefix(here.size() + 1);
  std::size_t dash = rest.find('-');
  if (dash == 0 || dash == std::string_view::npos || dash > 9 ||
      rest.substr(0, dash).find_first_not_of("0123456789") != std::string_view::npos)
    return false;
  pid_t pid = static_cast<pid_t>(std::stol(std::string(rest.substr(0, dash))));
  return pid > 0 && ::kill(pid, 0) != 0 && errno == ESRCH;
}

void remove_stale(const std::string& dir) {
  DIR* d = ::opendir(dir.empty() ? "." : dir.c_str());
  if (!d) return;
  const std::int64_t now = static_cast<std::int64_t>(::time(nullptr));
  while (dirent* e = ::readdir(d)) {
    std::string_view name = e->d_name;
    if (name.substr(0, kTempPrefix.size()) != kTempPrefix) continue;
    struct stat st {};
    if (::fstatat(::dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode)) continue;
    if (is_stale(name, static_cast<std::int64_t>(st.st_mtim.tv_sec), now)) ::unlinkat(::dirfd(d), e->d_name, 0);
  }
  ::closedir(d);
}

int open_beside(const std::string& dir, std::string& path) {
  remove_stale(dir);
  std::string tmpl = dir + (dir.empty() ? "" : "/") + std::string(kTempPrefix);
  if (!this_machine().empty()) tmpl += this_machine() + "." + std::to_string(::getpid()) + "-";
  tmpl += "XXXXXX";
  std::vector<char> buf(tmpl.begin(), tmpl.end());
  buf.push_back('\0');
  int fd = ::mkstemp(buf.data());
  if (fd >= 0) path = buf.data();
  return fd;
}

}  // namespace kb::temp
