#include "kb/store/output_file.h"

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "posix_io.h"
#include "temp_files.h"

namespace kb {
namespace {

constexpr int kMaxLinks = 40;  // as the kernel's own limit on a path's symbolic links

WriteResult failure(const std::string& path, const std::string& why) {
  return {WriteStatus::error, fmt::format("cannot write '{}': {}", path, why)};
}

std::string dir_of(const std::string& path) {
  auto slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

std::string base_of(const std::string& path) {
  auto slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// The descriptor a path names (/dev/stdout, /dev/fd/1, /proc/self/fd/1), if it names one.
std::optional<int> descriptor_of(const std::string& path) {
  if (path == "/dev/stdout") return 1;
  if (path == "/dev/stderr") return 2;
  std::string digits;
  const std::string prefixes[] = {"/dev/fd/", "/proc/self/fd/", "/proc/" + std::to_string(::getpid()) + "/fd/"};
  for (const std::string& prefix : prefixes)
    if (path.compare(0, prefix.size(), prefix) == 0) digits = path.substr(prefix.size());
  if (digits.empty() || digits.size() > 6 || digits.find_first_not_of("0123456789") != std::string::npos)
    return std::nullopt;
  return std::atoi(digits.c_str());
}

// Where a write to `path` lands: a descriptor, or the path at the end of its symbolic links.
struct Target {
  std::optional<int> fd;
  std::string path;
  std::string error;  ///< set when the links cannot be followed
};

Target resolve(const std::string& path) {
  Target t;
  t.path = path;
  for (int hop = 0; hop <= kMaxLinks; ++hop) {
    if ((t.fd = descriptor_of(t.path))) return t;
    struct stat st {};
    if (::lstat(t.path.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return t;
    std::vector<char> buf(PATH_MAX + 1);
    ssize_t n = ::readlink(t.path.c_str(), buf.data(), buf.size() - 1);
    if (n < 0) {
      t.error = std::strerror(errno);
      return t;
    }
    std::string link(buf.data(), static_cast<std::size_t>(n));
    t.path = link.front() == '/' ? link : dir_of(t.path) + "/" + link;
  }
  t.error = std::strerror(ELOOP);
  return t;
}

// The target's place relative to the KB root, when it lies inside it (its folder resolved).
std::optional<std::string> inside_kb(const std::string& root, const std::string& path) {
  char root_real[PATH_MAX], dir_real[PATH_MAX];
  if (root.empty() || !::realpath(root.c_str(), root_real) || !::realpath(dir_of(path).c_str(), dir_real))
    return std::nullopt;
  std::string full = std::string(dir_real) + "/" + base_of(path);
  std::string prefix = std::string(root_real) + "/";
  if (full.compare(0, prefix.size(), prefix) != 0) return std::nullopt;
  return full.substr(prefix.size());
}

bool kb_reads(const std::string& rel) {
  auto ends_md = rel.size() >= 3 && (rel.compare(rel.size() - 3, 3, ".md") == 0 || rel.compare(rel.size() - 3, 3, ".MD") == 0);
  return ends_md || rel == "kb.yaml" || rel == ".kb" || rel.compare(0, 4, ".kb/") == 0;
}

WriteResult write_fd(int fd, const std::string& shown, std::string_view content) {
  if (!posix::write_all(fd, content)) return failure(shown, std::strerror(errno));
  return {};
}

// A device or FIFO: opened and written through; it stays what it is.
WriteResult write_through(const std::string& path, const std::string& shown, std::string_view content) {
  int fd = ::open(path.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) return failure(shown, std::strerror(errno));
  struct stat st {};
  WriteResult r;
  if (::fstat(fd, &st) != 0 || S_ISREG(st.st_mode)) r = failure(shown, "it changed while kb was writing");
  else r = write_fd(fd, shown, content);
  if (::close(fd) != 0 && r.status == WriteStatus::ok) r = failure(shown, std::strerror(errno));
  return r;
}

mode_t new_file_mode() {
  mode_t mask = ::umask(0);
  ::umask(mask);
  return 0666 & ~mask;
}

// A regular file, whole or not at all: a temporary file beside it, renamed over the old one
// (`old` set) or linked in place (a new file; link(2) never replaces one that appeared since).
WriteResult write_regular(const std::string& path, const std::string& shown, std::string_view content,
                          const struct stat* old) {
  std::string tmp;
  int fd = temp::open_beside(dir_of(path), tmp);
  if (fd < 0) return failure(shown, std::strerror(errno));
  bool ok = posix::write_all(fd, content);
  ok = ok && ::fchmod(fd, old ? old->st_mode & 07777 : new_file_mode()) == 0;
  if (ok && old && (old->st_uid != ::geteuid() || old->st_gid != ::getegid()))
    (void)!::fchown(fd, old->st_uid, old->st_gid);  // as the owner had it, where we may
  ok = ok && ::fsync(fd) == 0;
  int err = errno;
  ok = ::close(fd) == 0 && ok;
  if (ok) {
    ok = old ? ::rename(tmp.c_str(), path.c_str()) == 0 : ::link(tmp.c_str(), path.c_str()) == 0;
    err = errno;
  }
  if (!ok || !old) ::unlink(tmp.c_str());
  if (!ok && !old && err == EEXIST) return {WriteStatus::changed, {}};
  if (!ok) return failure(shown, std::strerror(err));
  return {};
}

WriteResult write_path(const std::string& path, const std::string& shown, std::string_view content,
                       const OutputRules& rules) {
  struct stat st {};
  bool exists = ::stat(path.c_str(), &st) == 0;
  if (!exists && errno != ENOENT) return failure(shown, std::strerror(errno));
  if (exists && S_ISDIR(st.st_mode)) return failure(shown, "it is a folder");
  if (exists && S_ISSOCK(st.st_mode)) return failure(shown, "it is a socket");
  if (exists && !S_ISREG(st.st_mode)) return write_through(path, shown, content);
  if (auto rel = inside_kb(rules.kb_root, path); rel && kb_reads(*rel))
    return failure(
        shown, fmt::format("it is a file of the knowledge base ('{}'); kb never replaces one with its output", *rel));
  if (exists && !rules.replace_regular) return {WriteStatus::exists, {}};
  return write_regular(path, shown, content, exists ? &st : nullptr);
}

}  // namespace

WriteResult write_output(const std::string& path, std::string_view content, const OutputRules& rules) {
  if (path.empty()) return failure(path, "no file named");
  Target t = resolve(path);
  if (!t.error.empty()) return failure(path, t.error);
  if (t.fd) return write_fd(*t.fd, path, content);
  // A new file that another program creates first is then treated as what it is.
  for (int attempt = 0; attempt < 3; ++attempt) {
    WriteResult r = write_path(t.path, path, content, rules);
    if (r.status != WriteStatus::changed) return r;
  }
  return failure(path, "it keeps changing while kb writes");
}

}  // namespace kb
