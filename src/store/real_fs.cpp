#include "kb/store/real_fs.h"

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <cstdio>
#include <cstring>
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
#include <unistd.h>

#include "posix_io.h"

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

// Writes `content` to a fresh temporary file beside `target` and fsyncs it.
std::string write_temp(const std::string& target, std::string_view content, std::string& error) {
  std::string tmpl = parent_of(target);
  tmpl += (tmpl.empty() ? "" : "/");
  tmpl += ".kb-tmp-XXXXXX";
  std::vector<char> buf(tmpl.begin(), tmpl.end());
  buf.push_back('\0');
  int fd = ::mkstemp(buf.data());
  if (fd < 0) {
    error = errno_text(errno);
    return {};
  }
  std::string tmp(buf.data());
  ::fchmod(fd, 0666 & ~[] { mode_t m = ::umask(0); ::umask(m); return m; }());
  bool ok = posix::write_all(fd, content) && ::fsync(fd) == 0;
  int err = errno;
  ::close(fd);
  if (!ok) {
    ::unlink(tmp.c_str());
    error = errno_text(err);
    return {};
  }
  return tmp;
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
  DiagSink& diags;
  // The notes met, before files reached by two paths are merged, and which of them have a
  // symbolic link on their path.
  std::vector<FileInfo> found;
  std::vector<bool> found_through_link;
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
      diags.error({rel.empty() ? "." : rel, 0, 0}, "cannot read folder: " + errno_text(errno));
      return;
    }
    // Entries are looked at relative to the open folder (no path resolution from the root
    // for each), and a regular file that is not a note is skipped without a stat.
    const int dfd = ::dirfd(d);
    std::vector<std::pair<std::string, unsigned char>> names;
    while (dirent* e = ::readdir(d)) {
      std::string name = e->d_name;
      if (name.empty() || name[0] == '.') continue;  // hidden files and folders, . and ..
      if (e->d_type == DT_REG && !is_note_name(name)) continue;
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
        if (depth == 0 && name == "templates") continue;
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
      if (is_note_name(name)) add_note(std::move(child), Stamp::of(st), through_link || is_link);
    }
    ::closedir(d);
    if (open_dirs.size() >= kMaxOpenDirs) stat_pending();
  }

  void report_stat_error(const std::string& child, int err, bool is_link) {
    if (err == ELOOP) diags.warning({child, 0, 0}, "symbolic link loop; skipped");
    else if (is_link) diags.warning({child, 0, 0}, "broken symbolic link; skipped");
    else diags.error({child, 0, 0}, "cannot read: " + errno_text(err));
  }

  void add_note(std::string child, const Stamp& st, bool through_link) {
    if (!S_ISREG(st.mode)) {
      diags.warning({child, 0, 0}, "not a regular file; skipped");
      return;
    }
    if (st.size > RealFileSystem::kMaxFileSize) {
      diags.warning({child, 0, 0}, "file is larger than " + std::to_string(RealFileSystem::kMaxFileSize >> 20) +
                                       " MiB; skipped");
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

std::vector<FileInfo> RealFileSystem::list_markdown(DiagSink& diags) {
  Walker w{root_, diags, {}, {}, {}, {}, {}, {}};
  struct stat st {};
  if (::stat(root_.c_str(), &st) == 0) w.dirs_on_path.insert({st.st_dev, st.st_ino});
  w.walk("", 0, false);
  w.stat_pending();
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
  if (!make_dirs(parent_of(target))) return {WriteStatus::error, "cannot create folder: " + errno_text(errno)};
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
  std::string target = full(path);
  std::string current, error;
  if (!read(path, current, error)) return {WriteStatus::error, error};
  if (current != expected) return {WriteStatus::changed, {}};
  std::string tmp = write_temp(target, content, error);
  if (tmp.empty()) return {WriteStatus::error, error};
  // Compare and rename under an exclusive lock on the file as it is now, so two kb processes
  // cannot both see `expected` and both rename (the second would drop the first's change).
  // A process that waited on the lock re-reads the path, which by then names the newer file.
  int lock = ::open(target.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (lock < 0) {
    int err = errno;
    ::unlink(tmp.c_str());
    return {WriteStatus::error, errno_text(err)};
  }
  while (::flock(lock, LOCK_EX) != 0 && errno == EINTR) {
  }
  WriteResult result;
  if (!read(path, current, error) || current != expected) {
    ::unlink(tmp.c_str());
    result = {WriteStatus::changed, {}};
  } else if (::rename(tmp.c_str(), target.c_str()) != 0) {
    int err = errno;
    ::unlink(tmp.c_str());
    result = {WriteStatus::error, errno_text(err)};
  } else {
    fsync_dir(parent_of(target));
  }
  ::close(lock);  // releases the lock
  return result;
}

}  // namespace kb
