#include "kb/store/real_fs.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <climits>
#include <csignal>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <thread>
#include <tuple>
#include <utility>
#include <vector>

#include <dirent.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/xattr.h>
#include <unistd.h>

#include <fmt/format.h>

#include "kb/store/writer.h"
#include "posix_io.h"
#include "temp_files.h"

namespace kb {
namespace {

std::string errno_text(int err) { return std::strerror(err); }

std::string parent_of(const std::string& path) {
  auto slash = path.rfind('/');
  return slash == std::string::npos ? std::string() : path.substr(0, slash);
}

void fsync_dir(const std::string& dir) {
  int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

bool make_dirs(const std::string& dir) {
  if (dir.empty()) return true;
  struct stat st {};
  if (::stat(dir.c_str(), &st) == 0) return S_ISDIR(st.st_mode);
  if (!make_dirs(parent_of(dir))) return false;
  return ::mkdir(dir.c_str(), 0777) == 0 || errno == EEXIST;
}

// The names of `fd`'s extended attributes; false (errno set) when they cannot be listed. A
// file system without them has none.
bool list_xattrs(int fd, std::vector<std::string>& names) {
  names.clear();
  std::string buf;
  for (;;) {
    ssize_t n = ::flistxattr(fd, nullptr, 0);
    if (n < 0) return errno == ENOTSUP;
    buf.resize(static_cast<std::size_t>(n));
    n = ::flistxattr(fd, buf.data(), buf.size());
    if (n >= 0) {
      buf.resize(static_cast<std::size_t>(n));
      break;
    }
    if (errno != ERANGE) return false;  // grew meanwhile: ask again
  }
  for (std::size_t at = 0; at < buf.size();) {
    std::size_t end = buf.find('\0', at);
    if (end == std::string::npos) end = buf.size();
    if (end > at) names.push_back(buf.substr(at, end - at));
    at = end + 1;
  }
  return true;
}

// The value of `fd`'s extended attribute `name`; false (errno set) when it has none.
bool get_xattr(int fd, const std::string& name, std::string& value) {
  for (;;) {
    ssize_t n = ::fgetxattr(fd, name.c_str(), nullptr, 0);
    if (n < 0) return false;
    value.resize(static_cast<std::size_t>(n));
    n = ::fgetxattr(fd, name.c_str(), value.data(), value.size());
    if (n >= 0) {
      value.resize(static_cast<std::size_t>(n));
      return true;
    }
    if (errno != ERANGE) return false;
  }
}

// Gives `to` exactly the extended attributes of `from`, POSIX ACLs (system.posix_acl_access)
// included; those `to` inherited from its folder's default ACL go.
bool copy_xattrs(int from, int to, std::string& error) {
  std::vector<std::string> want, have;
  if (!list_xattrs(from, want) || !list_xattrs(to, have)) {
    error = fmt::format("kb cannot read its extended attributes ({}); edit it by hand", errno_text(errno));
    return false;
  }
  for (const auto& name : have)
    if (std::find(want.begin(), want.end(), name) == want.end() && ::fremovexattr(to, name.c_str()) != 0 &&
        errno != ENODATA) {
      error =
          fmt::format("kb cannot leave out the extended attribute '{}' ({}); edit it by hand", name, errno_text(errno));
      return false;
    }
  std::string value, old;
  for (const auto& name : want) {
    if (!get_xattr(from, name, value)) {
      if (errno == ENODATA) continue;  // removed meanwhile
      error = fmt::format("kb cannot read its extended attribute '{}' ({}); edit it by hand", name, errno_text(errno));
      return false;
    }
    if (get_xattr(to, name, old) && old == value) continue;  // e.g. an SELinux label
    if (::fsetxattr(to, name.c_str(), value.data(), value.size(), 0) != 0) {
      error = fmt::format("kb cannot keep its extended attribute '{}' ({}); edit it by hand", name, errno_text(errno));
      return false;
    }
  }
  return true;
}

// Gives the new file `to` the owner, group, extended attributes (ACLs) and mode of the note
// `from` it is to replace. Owner first (chown clears set-id bits), mode last (setting an ACL
// sets the group bits).
bool copy_metadata(int from, int to, std::string& error) {
  struct stat want {}, have {};
  if (::fstat(from, &want) != 0 || ::fstat(to, &have) != 0) {
    error = errno_text(errno);
    return false;
  }
  if ((want.st_uid != have.st_uid || want.st_gid != have.st_gid) && ::fchown(to, want.st_uid, want.st_gid) != 0) {
    error = fmt::format("kb cannot keep its owner and group ({}); edit it by hand", errno_text(errno));
    return false;
  }
  if (!copy_xattrs(from, to, error)) return false;
  if (::fchmod(to, want.st_mode & 07777) != 0) {
    error = fmt::format("kb cannot keep its permissions ({}); edit it by hand", errno_text(errno));
    return false;
  }
  return true;
}

// Writes `content` to a fresh temporary file beside `target` and fsyncs it; it has the
// metadata of the open file `like` when one is given, else a new file's mode. Stale temporary
// files of killed writers in that folder are removed first.
std::string write_temp(const std::string& target, std::string_view content, std::string& error, int like = -1) {
  std::string tmp;
  int fd = temp::open_beside(parent_of(target), tmp);
  if (fd < 0) {
    error = errno_text(errno);
    return {};
  }
  bool ok = true;
  if (like >= 0) ok = copy_metadata(like, fd, error);
  else ::fchmod(fd, 0666 & ~[] { mode_t m = ::umask(0); ::umask(m); return m; }());
  if (ok && !(posix::write_all(fd, content) && ::fsync(fd) == 0)) {
    ok = false;
    error = errno_text(errno);
  }
  ::close(fd);
  if (!ok) {
    ::unlink(tmp.c_str());
    return {};
  }
  return tmp;
}

// ---- Replacing a note in place --------------------------------------------------------------

// What any write to a file changes: its identity, size and times.
struct FileStamp {
  dev_t dev = 0;
  ino_t ino = 0;
  off_t size = 0;
  std::int64_t mtime_ns = 0, ctime_ns = 0;

  static FileStamp of(const struct stat& st) {
    return {st.st_dev, st.st_ino, st.st_size,
            static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec,
            static_cast<std::int64_t>(st.st_ctim.tv_sec) * 1000000000 + st.st_ctim.tv_nsec};
  }
  bool operator==(const FileStamp&) const = default;
};

// Whether the path `target` still names the file of `stamp` (no rename replaced it).
bool names_file(const std::string& target, const FileStamp& stamp) {
  struct stat st {};
  return ::lstat(target.c_str(), &st) == 0 && st.st_dev == stamp.dev && st.st_ino == stamp.ino;
}

// Reads the whole open file `fd` from its start; false on an error or past the size cap.
bool read_whole(int fd, std::string& out) {
  out.clear();
  char buf[65536];
  for (off_t at = 0;;) {
    ssize_t n = ::pread(fd, buf, sizeof buf, at);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 || out.size() + static_cast<std::size_t>(n) > RealFileSystem::kMaxFileSize) return false;
    if (n == 0) return true;
    out.append(buf, static_cast<std::size_t>(n));
    at += n;
  }
}

// Why kb must not replace the note `target` (stat `st`), or "" when it may.
std::string why_not_editable(const std::string& target, const struct stat& st) {
  if (!S_ISREG(st.st_mode)) return "not a regular file";
  if (st.st_nlink > 1)
    return fmt::format("it has {} hard links, which replacing it would split; edit it by hand", st.st_nlink);
  // Root may write any file, so a note that no one may write counts as read-only for root too.
  if ((st.st_mode & 0222) == 0)
    return "it is read-only; kb does not change a note's permissions (make it writable to edit it)";
  if (::faccessat(AT_FDCWD, target.c_str(), W_OK, AT_EACCESS) != 0) return errno_text(errno);
  return {};
}

// Replaces the note `target`, open as `fd` and locked, with `content` if it holds `expected`
// (see RealFileSystem::replace). Sets `theirs` when another program's write was caught only
// after the rename.
WriteResult replace_locked(int fd, const std::string& target, std::string_view expected, std::string_view content,
                           std::optional<std::string>& theirs, const RealFileSystem::ReplaceHook& hook) {
  struct stat st {};
  if (::fstat(fd, &st) != 0) return {WriteStatus::error, errno_text(errno)};
  if (std::string why = why_not_editable(target, st); !why.empty()) return {WriteStatus::error, why};
  const FileStamp before = FileStamp::of(st);
  std::string now;
  // After waiting for the lock the path may name a newer file that another kb put there.
  if (!names_file(target, before) || !read_whole(fd, now) || now != expected) return {WriteStatus::changed, {}};
  std::string error;
  std::string tmp = write_temp(target, content, error, fd);
  if (tmp.empty()) return {WriteStatus::error, error};
  if (hook) hook(RealFileSystem::ReplaceStep::temp_written);
  // The last look, as close to the rename as it gets: the same file, unwritten since the first
  // look (stamps), with the same text (a write within the clock's tick can keep the stamps).
  bool same = ::fstat(fd, &st) == 0 && FileStamp::of(st) == before && names_file(target, before) &&
              read_whole(fd, now) && now == expected;
  if (same && hook) hook(RealFileSystem::ReplaceStep::last_checked);
  if (!same || ::rename(tmp.c_str(), target.c_str()) != 0) {
    int err = errno;
    ::unlink(tmp.c_str());
    return same ? WriteResult{WriteStatus::error, errno_text(err)} : WriteResult{WriteStatus::changed, {}};
  }
  fsync_dir(parent_of(target));
  // A write to the old file between the last look and the rename would go with it: the caller
  // puts that version back. (A program that keeps the old file open and writes it later writes
  // a file no folder lists any more; no writer that renames can see that.)
  if (read_whole(fd, now) && now != expected) theirs = std::move(now);
  return {};
}

// What the walk keeps of a stat: the type, and the stamps a cache entry is checked against.
struct Stamp {
  mode_t mode = 0;
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  std::int64_t ctime_ns = 0;
  std::uint64_t inode = 0;
  std::uint64_t device = 0;

  static std::int64_t ns(const struct timespec& t) {
    return static_cast<std::int64_t>(t.tv_sec) * 1000000000 + t.tv_nsec;
  }
  static Stamp of(const struct stat& st) {
    return {st.st_mode, static_cast<std::uint64_t>(st.st_size), ns(st.st_mtim), ns(st.st_ctim),
            static_cast<std::uint64_t>(st.st_ino), static_cast<std::uint64_t>(st.st_dev)};
  }
};

// A note the folder listing says is a regular file, waiting for its stat: the walk stats these
// on other threads while it lists the next folders (a stat is most of the walk's cost),
// relative to the open folder.
struct Pending {
  int dir_fd;  // one of Walker::open_dirs
  std::string path;
  std::size_t name_at;  // where the name starts in `path`
  bool through_link;
  Stamp st;     // (not the whole struct stat: a 100k-note walk holds one per note)
  int err = 0;  // errno of the stat, 0 when it worked
};

// Threads that stat blocks of pending notes handed to them. Each note's result lands in its own
// slot, so what the walk finds does not depend on which thread stat'ed what.
class StatPool {
 public:
  struct Block {
    std::vector<Pending>* notes;  // stays where it is until wait() returned
    std::size_t from, to;
  };

  ~StatPool() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
    }
    work_.notify_all();
    for (auto& t : threads_) t.join();
  }

  void submit(Block b) {
    if (threads_.empty())
      for (unsigned t = 0; t < std::max(1u, std::thread::hardware_concurrency()); ++t)
        threads_.emplace_back([this] { run(); });
    {
      std::lock_guard<std::mutex> lock(mu_);
      queue_.push_back(b);
      ++open_;
    }
    work_.notify_one();
  }

  /// Returns when every block submitted is done; this thread takes blocks too meanwhile.
  void wait() {
    while (auto b = take(false)) finish(*b);
    std::unique_lock<std::mutex> lock(mu_);
    idle_.wait(lock, [&] { return open_ == 0; });
  }

  static void stat_block(const Block& b) {
    for (std::size_t i = b.from; i < b.to; ++i) {
      Pending& p = (*b.notes)[i];
      struct stat st {};
      if (::fstatat(p.dir_fd, p.path.c_str() + p.name_at, &st, AT_SYMLINK_NOFOLLOW) != 0) p.err = errno;
      else p.st = Stamp::of(st);
    }
  }

 private:
  std::optional<Block> take(bool block) {
    std::unique_lock<std::mutex> lock(mu_);
    if (block) work_.wait(lock, [&] { return stop_ || !queue_.empty(); });
    if (queue_.empty()) return std::nullopt;
    Block b = queue_.front();
    queue_.pop_front();
    return b;
  }
  void finish(const Block& b) {
    stat_block(b);
    std::lock_guard<std::mutex> lock(mu_);
    if (--open_ == 0) idle_.notify_all();
  }
  void run() {
    while (auto b = take(true)) finish(*b);
  }

  std::mutex mu_;
  std::condition_variable work_, idle_;
  std::deque<Block> queue_;
  std::size_t open_ = 0;  // submitted and not finished
  bool stop_ = false;
  std::vector<std::thread> threads_;
};

struct Walker {
  std::string root;
  const IgnoreRules& ignore;
  DiagSink& diags;
  // The notes met, before files reached by two paths are merged, and which of them have a
  // symbolic link on their path.
  std::vector<FileInfo> found;
  std::vector<bool> found_through_link;
  std::vector<std::string>* attachments;  // the other regular files met, when asked for
  std::set<std::pair<dev_t, ino_t>> dirs_on_path;
  std::vector<int> open_dirs;  // folders whose pending notes are not taken in yet
  std::vector<std::unique_ptr<std::vector<Pending>>> pending;  // per folder, in walk order
  StatPool pool;  // after `pending`: its threads end before the notes they stat go

  // Folders kept open for their pending notes at most (then the pending notes are stat'ed).
  static constexpr std::size_t kMaxOpenDirs = 64;

  void walk(const std::string& rel, int depth, bool through_link) {
    std::string dir = rel.empty() ? root : root + "/" + rel;
    DIR* d = ::opendir(dir.c_str());
    if (!d) {
      diags.error({rel.empty() ? "." : rel, 0, 0}, fmt::format("cannot read folder: {}", errno_text(errno)));
      return;
    }
    // Entries are looked at relative to the open folder (no path resolution from the root
    // for each), and a regular file that is not a note is skipped without a stat.
    const int dfd = ::dirfd(d);
    std::vector<std::pair<std::string, unsigned char>> names;
    while (dirent* e = ::readdir(d)) {
      std::string name = e->d_name;
      if (name.empty() || IgnoreRules::hidden(name)) continue;  // hidden files and folders, . and ..
      if (e->d_type == DT_REG && !is_note_name(name)) {
        if (attachments) attachments->push_back(rel.empty() ? name : rel + "/" + name);
        continue;
      }
      names.emplace_back(std::move(name), e->d_type);
    }
    std::sort(names.begin(), names.end());
    // Notes listed as regular files are stat'ed on the pool's threads while the walk goes on,
    // holding a descriptor of this folder; blocks of them, so that a big folder is shared out.
    int held = -1;
    auto notes = std::make_unique<std::vector<Pending>>();
    for (const auto& [name, type] : names) {
      if (type != DT_REG) continue;
      if (held < 0) {
        held = ::fcntl(dfd, F_DUPFD_CLOEXEC, 0);
        if (held < 0) break;  // stat'ed one by one below
        open_dirs.push_back(held);
      }
      std::string path = rel.empty() ? name : rel + "/" + name;
      if (ignore.skips_file(path)) continue;
      notes->push_back({held, std::move(path), rel.empty() ? 0 : rel.size() + 1, through_link, {}, 0});
    }
    constexpr std::size_t kBlock = 512;
    for (std::size_t from = 0; from < notes->size(); from += kBlock) {
      StatPool::Block block{notes.get(), from, std::min(notes->size(), from + kBlock)};
      // A folder of a few notes is stat'ed here: no thread is started for a small KB.
      if (notes->size() < kBlock) StatPool::stat_block(block);
      else pool.submit(block);
    }
    if (!notes->empty()) pending.push_back(std::move(notes));
    for (const auto& [name, type] : names) {
      if (type == DT_REG && held >= 0) continue;
      std::string child = rel.empty() ? name : rel + "/" + name;
      struct stat lst {};
      int lrc = ::fstatat(dfd, name.c_str(), &lst, AT_SYMLINK_NOFOLLOW);
      bool is_link = lrc == 0 && S_ISLNK(lst.st_mode);
      struct stat st = lst;
      if (lrc != 0 || (is_link && ::fstatat(dfd, name.c_str(), &st, 0) != 0)) {
        report_stat_error(child, errno, is_link);
        continue;
      }
      if (S_ISDIR(st.st_mode)) {
        // A folder named x.md is a folder: walked, never read as a note.
        if (ignore.skips_folder(child)) continue;
        auto key = std::make_pair(st.st_dev, st.st_ino);
        if (dirs_on_path.count(key)) {
          diags.warning({child, 0, 0}, "symbolic link loop; skipped");
          continue;
        }
        if (depth > 64) {
          diags.warning({child, 0, 0}, "folders nested too deeply; skipped");
          continue;
        }
        dirs_on_path.insert(key);
        walk(child, depth + 1, through_link || is_link);
        dirs_on_path.erase(key);
        continue;
      }
      if (!is_note_name(name)) {
        if (attachments && S_ISREG(st.st_mode)) attachments->push_back(std::move(child));
      } else if (!ignore.skips_file(child)) {
        add_note(std::move(child), Stamp::of(st), through_link || is_link);
      }
    }
    ::closedir(d);
    if (open_dirs.size() >= kMaxOpenDirs) stat_pending();
  }

  void report_stat_error(const std::string& child, int err, bool is_link) {
    if (err == ELOOP) diags.warning({child, 0, 0}, "symbolic link loop; skipped");
    else if (is_link) diags.warning({child, 0, 0}, "broken symbolic link; skipped");
    else diags.error({child, 0, 0}, fmt::format("cannot read: {}", errno_text(err)));
  }

  void add_note(std::string child, const Stamp& st, bool through_link) {
    if (!S_ISREG(st.mode)) {
      diags.warning({child, 0, 0}, "not a regular file; skipped");
      return;
    }
    if (st.size > RealFileSystem::kMaxFileSize) {
      diags.warning({child, 0, 0},
                    fmt::format("file is larger than {} MiB; skipped", RealFileSystem::kMaxFileSize >> 20));
      return;
    }
    found.push_back({std::move(child), st.size, st.mtime_ns, st.ctime_ns, st.inode, st.device});
    found_through_link.push_back(through_link);
  }

  // Waits for the pending notes' stats, then takes them in walk order.
  void stat_pending() {
    pool.wait();
    // Called every kMaxOpenDirs folders: room grows at least twofold, so a vault of many
    // folders does not move the notes found so far at every call.
    std::size_t count = found.size();
    for (const auto& notes : pending) count += notes->size();
    if (count > found.capacity()) found.reserve(std::max(count, 2 * found.capacity()));
    for (auto& notes : pending)
      for (auto& p : *notes) {
        // (Replaced by a folder or a link since it was listed: not a regular file, skipped.)
        if (p.err != 0) report_stat_error(p.path, p.err, false);
        else add_note(std::move(p.path), p.st, p.through_link);
      }
    pending.clear();
    for (int fd : open_dirs) ::close(fd);
    open_dirs.clear();
  }

  static bool is_note_name(const std::string& name) {
    return name.size() >= 4 && name.compare(name.size() - 3, 3, ".md") == 0;
  }

  // One entry per (device, inode): a note reached by several paths (symbolic or hard links)
  // loads once, under a path without a symbolic link when there is one, else the first in
  // byte order, so its id does not depend on the order folders are read in.
  std::vector<FileInfo> unique() {
    // Which notes share a (device, inode): sorted as plain numbers, not paths.
    struct Key {
      dev_t device;
      ino_t inode;
      std::size_t at;  // in `found`
      bool operator<(const Key& o) const { return std::tie(device, inode, at) < std::tie(o.device, o.inode, o.at); }
      bool same_file(const Key& o) const { return device == o.device && inode == o.inode; }
    };
    std::vector<Key> keys;
    keys.reserve(found.size());
    for (std::size_t i = 0; i < found.size(); ++i) keys.push_back({found[i].device, found[i].inode, i});
    std::sort(keys.begin(), keys.end());
    auto preferred = [&](const Key& a, const Key& b) {
      const bool x = found_through_link[a.at], y = found_through_link[b.at];
      return x != y ? !x : found[a.at].path < found[b.at].path;
    };
    std::vector<bool> drop(found.size());
    for (auto group = keys.begin(); group != keys.end();) {
      auto end = std::find_if(group, keys.end(), [&](const Key& k) { return !k.same_file(*group); });
      const std::size_t keep = std::min_element(group, end, preferred)->at;
      for (auto k = group; k != end; ++k) drop[k->at] = k->at != keep;
      group = end;
    }
    std::vector<Key>().swap(keys);
    // The notes kept close up in place.
    std::size_t kept = 0;
    for (std::size_t i = 0; i < found.size(); ++i)
      if (!drop[i]) {
        if (kept != i) found[kept] = std::move(found[i]);
        ++kept;
      }
    found.resize(kept);
    std::vector<FileInfo> out = std::move(found);
    found.clear();
    found_through_link.clear();
    // The walk goes in sorted order folder by folder, which is byte order of the whole path
    // unless a name holds a byte below '/'; sort only then.
    auto by_path = [](const FileInfo& a, const FileInfo& b) { return a.path < b.path; };
    if (!std::is_sorted(out.begin(), out.end(), by_path)) std::sort(out.begin(), out.end(), by_path);
    return out;
  }
};

}  // namespace

RealFileSystem::RealFileSystem(std::string root) : root_(std::move(root)) {
  while (root_.size() > 1 && root_.back() == '/') root_.pop_back();
}

std::string RealFileSystem::full(const std::string& path) const { return root_ + "/" + path; }

std::vector<FileInfo> RealFileSystem::list_markdown(const IgnoreRules& ignore, DiagSink& diags,
                                                   std::vector<std::string>* attachments) {
  Walker w{root_, ignore, diags, {}, {}, attachments, {}, {}, {}, {}};
  struct stat st {};
  if (::stat(root_.c_str(), &st) == 0) w.dirs_on_path.insert({st.st_dev, st.st_ino});
  w.walk("", 0, false);
  w.stat_pending();
  if (attachments) std::sort(attachments->begin(), attachments->end());
  return w.unique();
}

bool RealFileSystem::read(const std::string& path, std::string& out, std::string& error) {
  // O_NONBLOCK: a FIFO named x.md must not hang the walk.
  int fd = ::open(full(path).c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) {
    error = errno_text(errno);
    return false;
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    error = "not a regular file";
    return false;
  }
  if (static_cast<std::size_t>(st.st_size) > kMaxFileSize) {
    ::close(fd);
    error = "file is too large";
    return false;
  }
  out.resize(static_cast<std::size_t>(st.st_size));
  std::size_t got = 0;
  while (true) {
    if (got == out.size()) out.resize(out.size() + 4096);
    ssize_t n = ::read(fd, out.data() + got, out.size() - got);
    if (n < 0) {
      if (errno == EINTR) continue;
      error = errno_text(errno);
      ::close(fd);
      return false;
    }
    if (n == 0) break;
    got += static_cast<std::size_t>(n);
    if (got > kMaxFileSize) {
      ::close(fd);
      error = "file is too large";
      return false;
    }
  }
  out.resize(got);
  ::close(fd);
  return true;
}

bool RealFileSystem::exists(const std::string& path) {
  struct stat st {};
  return ::lstat(full(path).c_str(), &st) == 0;
}

WriteResult RealFileSystem::write_new(const std::string& path, std::string_view content) {
  std::string target = full(path);
  if (!make_dirs(parent_of(target)))
    return {WriteStatus::error, fmt::format("cannot create folder: {}", errno_text(errno))};
  std::string error;
  std::string tmp = write_temp(target, content, error);
  if (tmp.empty()) return {WriteStatus::error, error};
  // link(2) fails with EEXIST instead of replacing: the note appears whole or not at all.
  int rc = ::link(tmp.c_str(), target.c_str());
  int err = errno;
  ::unlink(tmp.c_str());
  if (rc != 0) {
    if (err == EEXIST) return {WriteStatus::exists, {}};
    return {WriteStatus::error, errno_text(err)};
  }
  fsync_dir(parent_of(target));
  return {};
}

WriteResult RealFileSystem::replace(const std::string& path, std::string_view expected,
                                    std::string_view content) {
  std::string target, error;
  if (!resolve_note(path, target, error)) return {WriteStatus::error, error};
  std::optional<std::string> theirs;
  WriteResult result = replace_once(target, expected, content, theirs, hook_);
  if (!theirs) return result;
  // Another program wrote the note in the instant between kb's last look and its rename: that
  // version goes back in place of kb's, and the user is told to run the command again.
  std::optional<std::string> ignored;
  WriteResult back = replace_once(target, content, *theirs, ignored, nullptr);
  if (back.status == WriteStatus::ok) return {WriteStatus::changed, {}};
  return {WriteStatus::error,
          fmt::format("another program wrote it at the same moment, and kb could not put that version back ({})",
                      back.message.empty() ? std::string("it changed again") : back.message)};
}

bool RealFileSystem::resolve_note(const std::string& path, std::string& target, std::string& error) const {
  if (!check_inside_root(root_, path, error)) return false;
  std::string link = full(path);
  struct stat st {};
  if (::lstat(link.c_str(), &st) != 0) {
    error = errno_text(errno);
    return false;
  }
  if (!S_ISLNK(st.st_mode)) {
    target = link;
    return true;
  }
  // A symbolic link is followed to the note it names, which must be inside the KB too.
  char root_buf[PATH_MAX], note_buf[PATH_MAX];
  if (!::realpath(root_.c_str(), root_buf) || !::realpath(link.c_str(), note_buf)) {
    error = errno_text(errno);
    return false;
  }
  target = note_buf;
  if (target.compare(0, std::strlen(root_buf) + 1, std::string(root_buf) + "/") != 0) {
    error = "it is a symbolic link to a file outside the knowledge base; edit that file by hand";
    return false;
  }
  return true;
}

WriteResult RealFileSystem::replace_once(const std::string& target, std::string_view expected,
                                         std::string_view content, std::optional<std::string>& theirs,
                                         const ReplaceHook& hook) {
  int fd = ::open(target.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) return {WriteStatus::error, errno_text(errno)};
  // The exclusive lock keeps two kb processes from both passing the compare; other programs
  // do not take it, so what the note holds is looked at again right before the rename.
  while (::flock(fd, LOCK_EX) != 0 && errno == EINTR) {
  }
  WriteResult result = replace_locked(fd, target, expected, content, theirs, hook);
  ::close(fd);  // releases the lock
  return result;
}

int RealFileSystem::open_unchanged(const std::string& path, std::string_view expected, std::string& target,
                                   WriteResult& result) const {
  std::string error;
  if (!check_inside_root(root_, path, error)) {
    result = {WriteStatus::error, error};
    return -1;
  }
  target = full(path);
  int fd = ::open(target.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) {
    result = {WriteStatus::error, errno == ELOOP ? std::string("it is a symbolic link; rename or delete it by hand")
                                                 : errno_text(errno)};
    return -1;
  }
  while (::flock(fd, LOCK_EX) != 0 && errno == EINTR) {
  }
  struct stat st {};
  std::string now;
  std::string why = ::fstat(fd, &st) != 0 ? errno_text(errno) : why_not_editable(target, st);
  if (!why.empty()) {
    result = {WriteStatus::error, why};
  } else if (!names_file(target, FileStamp::of(st)) || !read_whole(fd, now) || now != expected) {
    result = {WriteStatus::changed, {}};
  } else {
    return fd;
  }
  ::close(fd);
  return -1;
}

namespace {

// rename(2) that never replaces `to`: renameat2's RENAME_NOREPLACE, else link(2) then unlink(2).
int rename_noreplace(const std::string& from, const std::string& to) {
  if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0) return 0;
  if (errno != EINVAL && errno != ENOSYS) return -1;
  if (::link(from.c_str(), to.c_str()) != 0) return -1;
  return ::unlink(from.c_str());
}

}  // namespace

WriteResult RealFileSystem::move(const std::string& from, const std::string& to, std::string_view expected) {
  std::string error, source;
  if (!check_inside_root(root_, to, error)) return {WriteStatus::error, error};
  WriteResult result;
  int fd = open_unchanged(from, expected, source, result);
  if (fd < 0) return result;
  const std::string target = full(to);
  if (!make_dirs(parent_of(target))) {
    result = {WriteStatus::error, fmt::format("cannot create folder: {}", errno_text(errno))};
  } else if (rename_noreplace(source, target) != 0) {
    result = {errno == EEXIST ? WriteStatus::exists : WriteStatus::error, errno == EEXIST ? "" : errno_text(errno)};
  } else {
    fsync_dir(parent_of(target));
    fsync_dir(parent_of(source));
  }
  ::close(fd);
  return result;
}

WriteResult RealFileSystem::remove(const std::string& path, std::string_view expected) {
  std::string target;
  WriteResult result;
  int fd = open_unchanged(path, expected, target, result);
  if (fd < 0) return result;
  std::string aside;
  int tmp = temp::open_beside(parent_of(target), aside);
  if (tmp < 0 || ::rename(target.c_str(), aside.c_str()) != 0) {
    result = {WriteStatus::error, errno_text(errno)};
    if (tmp >= 0) ::unlink(aside.c_str());
  } else {
    // Set aside, no other program can open it by its name; what it holds now is final.
    std::string now;
    if (read_whole(fd, now) && now == expected) {
      ::unlink(aside.c_str());
    } else {
      result = {WriteStatus::changed, {}};
      if (rename_noreplace(aside, target) != 0)
        result = {WriteStatus::error,
                  fmt::format("it was written while kb deleted it; that version is kept as {}", aside)};
    }
    fsync_dir(parent_of(target));
  }
  if (tmp >= 0) ::close(tmp);
  ::close(fd);
  return result;
}

}  // namespace kb
