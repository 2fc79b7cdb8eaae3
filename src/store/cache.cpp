#include "kb/store/cache.h"

#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <utility>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "kb/base/binary.h"
#include "kb/base/sqlite.h"
#include "posix_io.h"
#include "text_index_sql.h"

namespace kb {
namespace {

constexpr int kBusyTimeoutMs = 10000;

// Part of the version stored in the cache: bumped whenever the tables change (2: the ctime
// column; 4: the full-text index of `kb search`, with its documents' file stamps), so that a
// cache of another schema is replaced rather than written into.
const char* const kSchemaVersion = "schema 4, ";

// The cache's files, named after the database: itself, its WAL companions and the graph
// snapshot (beside them, named like them).
constexpr const char* kSuffixes[] = {"", "-wal", "-shm", "-journal", "-graph"};
constexpr const char* kGraphSuffix = "-graph";

// `path` split at its last '/': the folder ("." when there is none) and the name.
std::pair<std::string, std::string> split(const std::string& path) {
  const auto slash = path.rfind('/');
  if (slash == std::string::npos) return {".", path};
  return {slash == 0 ? "/" : path.substr(0, slash), path.substr(slash + 1)};
}

// Why `path` must not be used as the cache's folder (`folder`) or one of its files: a symbolic
// link (kb would read or write where it points) or something else than a folder or regular
// file (a FIFO would block, a device is no cache). "" when it is fine or missing; a path that
// cannot be looked at (no permission) is left for the open to fail on.
std::string refusal(const std::string& path, const std::string& shown, bool folder) {
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0) return "";
  if (S_ISLNK(st.st_mode)) return fmt::format("{} is a symbolic link", shown);
  if (folder && !S_ISDIR(st.st_mode)) return fmt::format("{} is not a folder", shown);
  if (!folder && !S_ISREG(st.st_mode)) return fmt::format("{} is not a regular file", shown);
  return "";
}

// Takes away every permission beyond `mode` from `path` when this user owns it (an older kb
// made the folder 0755 and the files 0644), through a descriptor opened without following a
// link and checked to be what the lstat saw.
void tighten(const std::string& path, mode_t mode, bool folder) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | (folder ? O_DIRECTORY : 0));
  if (fd < 0) return;
  struct stat st {};
  if (::fstat(fd, &st) == 0 && (folder ? S_ISDIR(st.st_mode) : S_ISREG(st.st_mode)) && st.st_uid == ::geteuid() &&
      (st.st_mode & 07777 & ~mode) != 0)
    ::fchmod(fd, st.st_mode & mode);
  ::close(fd);
}

// `path` with the symbolic links above its folder resolved (the user's own set-up, e.g. a KB
// reached through a link), the folder and the name kept as they are: SQLite's
// SQLITE_OPEN_NOFOLLOW refuses a link anywhere in a path, and must refuse only a link in the
// cache's folder or file. Empty when the folder above cannot be resolved.
std::string resolve_above(const std::string& path) {
  auto [dir, name] = split(path);
  auto [parent, dir_name] = split(dir);
  if (dir_name == "." || dir_name == ".." || dir_name.empty()) {
    parent = dir;
    dir_name.clear();
  }
  char* real = ::realpath(parent.c_str(), nullptr);
  if (!real) return "";
  std::string out = real;
  std::free(real);
  if (out != "/") out += '/';
  if (!dir_name.empty()) out += dir_name + '/';
  return out + name;
}

const char* const kSchema =
    "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
    "CREATE TABLE IF NOT EXISTS entries(path TEXT PRIMARY KEY, size INTEGER NOT NULL,"
    " mtime INTEGER NOT NULL, ctime INTEGER NOT NULL, inode INTEGER NOT NULL, device INTEGER NOT NULL,"
    " hash INTEGER NOT NULL, stored INTEGER NOT NULL, data BLOB NOT NULL);";

using sqlite::Database;
using sqlite::Statement;
using sqlite::Step;

std::int64_t as_i64(std::uint64_t v) {
  std::int64_t out;
  std::memcpy(&out, &v, sizeof out);
  return out;
}
std::uint64_t as_u64(std::int64_t v) {
  std::uint64_t out;
  std::memcpy(&out, &v, sizeof out);
  return out;
}

// Result of preparing an open handle: usable, busy (leave the file alone), or not our cache.
enum class Init { ok, busy, foreign };

Init is_busy(const Database& db) { return db.failure() == sqlite::Failure::busy ? Init::busy : Init::foreign; }

// Whether the database at hand holds `version` (the meta table read in `q`): false, with
// `failed` set, when it cannot be read.
bool has_version(Statement& q, const std::string& version, bool& failed) {
  const Step step = q.step();
  failed = step == Step::error;
  return step == Step::row && q.text(0) == version;
}

// Brings an open handle to a cache of `version`: WAL, schema, entries of another version dropped
// (then `reset` is set, and the caller drops the graph snapshot too).
Init init(Database& db, const std::string& version, bool& reset) {
  db.busy_timeout(kBusyTimeoutMs);
  // An entry is a few KB: 16 KB pages hold one or more whole, where 4 KB ones chain overflow
  // pages (a 100k first run 4% faster, a scan of every entry 15%). Set before WAL, it takes
  // effect on a new database only (`kb cache clear` makes one).
  db.exec("PRAGMA page_size=16384");
  if (!db.exec("PRAGMA journal_mode=WAL")) return is_busy(db);
  db.exec("PRAGMA synchronous=NORMAL");
  // Fast path, read only: the schema exists and has our version.
  {
    Statement q(db, "SELECT value FROM meta WHERE key='version'");
    bool failed = false;
    if (q.ok()) {
      if (has_version(q, version, failed)) return Init::ok;
      if (failed) return is_busy(db);
    } else if (db.failure() != sqlite::Failure::generic) {  // generic: no such table yet
      return is_busy(db);
    }
  }
  // Create, or empty a cache of another version, in one write transaction.
  sqlite::Transaction write(db);
  if (!write.ok()) return is_busy(db);
  bool ok = db.exec(kSchema) && db.exec(kSearchTables);
  if (ok) {
    Statement q(db, "SELECT value FROM meta WHERE key='version'");
    bool failed = !q.ok();
    const bool same = !failed && has_version(q, version, failed);
    ok = !failed;
    if (ok && !same) {
      reset = true;
      ok = db.exec("DROP TABLE entries") && db.exec(kDropSearch) && db.exec(kSchema) && db.exec(kSearchTables);
      Statement put(db, "INSERT OR REPLACE INTO meta(key, value) VALUES('version', ?1)");
      ok = ok && put.ok() && put.bind(1, version) && put.step() == Step::done;
    }
  }
  if (ok && write.commit()) return Init::ok;
  return is_busy(db);  // `write` rolls back
}

std::unique_ptr<Database> open_db(const std::string& path, std::string& error) {
  // Created here first, private (0600): SQLite gives its WAL companions the database's mode.
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd >= 0) ::close(fd);
  return Database::open_file(path, error);
}

}  // namespace

std::string SqliteCache::unsafe(const std::string& path) {
  const auto [dir, name] = split(path);
  const std::string shown_dir = split(dir).second;
  std::string why = refusal(dir, shown_dir, true);
  for (const char* suffix : kSuffixes)
    if (why.empty()) why = refusal(path + suffix, shown_dir + "/" + name + suffix, false);
  return why;
}

bool SqliteCache::prepare(const std::string& path, std::string& warning) {
  const std::string dir = split(path).first;
  if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) return false;
  warning = unsafe(path);
  if (!warning.empty()) return false;
  tighten(dir, 0700, true);
  for (const char* suffix : kSuffixes) tighten(path + suffix, 0600, false);
  return true;
}

bool SqliteCache::remove_files(const std::string& path, std::string& error) {
  const auto [dir, name] = split(path);
  // Only inside the folder itself: a folder that is a link to elsewhere is not emptied.
  const int dir_fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (dir_fd < 0) {
    if (errno == ENOENT) return true;
    error = errno == ELOOP || errno == ENOTDIR ? fmt::format("{} (remove it yourself)", refusal(dir, split(dir).second, true))
                                               : fmt::format("cannot open '{}': {}", dir, std::strerror(errno));
    return false;
  }
  bool ok = true;
  for (const char* suffix : kSuffixes) {
    const std::string file = name + suffix;
    if (::unlinkat(dir_fd, file.c_str(), 0) != 0 && errno != ENOENT) {
      error = fmt::format("cannot remove '{}/{}': {}", dir, file, std::strerror(errno));
      ok = false;
      break;
    }
  }
  ::close(dir_fd);
  return ok;
}

std::unique_ptr<SqliteCache> SqliteCache::open(const std::string& given, const std::string& kb_version,
                                               std::string& error) {
  error = unsafe(given);
  if (!error.empty()) return nullptr;
  const std::string path = resolve_above(given);
  const auto [dir, name] = split(path);
  const int dir_fd = path.empty() ? -1 : ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (dir_fd < 0) {
    error = fmt::format("cannot open the folder of '{}': {}", given, std::strerror(errno));
    return nullptr;
  }
  const std::string version = kSchemaVersion + kb_version;
  for (int attempt = 0; attempt < 2; ++attempt) {
    std::unique_ptr<Database> db = open_db(path, error);
    if (!db) break;
    bool reset = false;
    Init r = init(*db, version, reset);
    if (reset) ::unlinkat(dir_fd, (name + kGraphSuffix).c_str(), 0);  // the snapshot goes with the entries
    if (r == Init::ok) {
      std::unique_ptr<SqliteCache> cache(new SqliteCache(std::move(db), path));
      cache->dir_fd_ = dir_fd;
      cache->graph_name_ = name + kGraphSuffix;
      cache->version_ = version;
      return cache;
    }
    error = db->error();
    db.reset();
    if (r == Init::busy) break;
    // Not a cache we can read (garbage, truncated, another schema): start over, once.
    if (attempt == 0 && !remove_files(path, error)) break;
  }
  ::close(dir_fd);
  return nullptr;
}

SqliteCache::SqliteCache(std::unique_ptr<sqlite::Database> db, std::string path)
    : db_(std::move(db)), path_(std::move(path)) {}

SqliteCache::~SqliteCache() {
  db_.reset();
  ::close(dir_fd_);
}

void SqliteCache::scan(const std::function<void(CacheEntry&&)>& visit) {
  if (!db_) return;  // a rebuild after corruption failed: nothing to read
  Statement q(*db_, "SELECT path, size, mtime, ctime, inode, device, hash, stored, data FROM entries");
  if (!q.ok()) {
    broken_ = is_busy(*db_) == Init::foreign;
    return;
  }
  Step step;
  while ((step = q.step()) == Step::row) {
    if (q.is_null(0)) continue;
    CacheEntry e;
    e.file.path = q.text(0);
    e.file.size = as_u64(q.int64(1));
    e.file.mtime_ns = q.int64(2);
    e.file.ctime_ns = q.int64(3);
    e.file.inode = as_u64(q.int64(4));
    e.file.device = as_u64(q.int64(5));
    e.content_hash = as_u64(q.int64(6));
    e.stored_ns = q.int64(7);
    e.data.assign(q.blob(8));
    visit(std::move(e));
  }
  if (step != Step::done) broken_ = is_busy(*db_) == Init::foreign;
}

namespace {

// Sets the journal mode ("wal", "delete"); the mode in force after, "" when it cannot be read.
// SQLite leaves WAL only when no other connection has the file open.
std::string journal_mode(Database& db, const std::string& mode) {
  Statement q(db, "PRAGMA journal_mode=" + mode);
  return q.ok() && q.step() == Step::row ? q.text(0) : std::string();
}

bool has_entries(Database& db) {
  Statement q(db, "SELECT 1 FROM entries LIMIT 1");
  return !q.ok() || q.step() != Step::done;  // unknown: taken as some
}

// One write transaction, fed entry by entry: BEGIN IMMEDIATE when made, each put() one INSERT
// (SQLite copies the blob, so the entry's memory goes as soon as it is stored), COMMIT in
// commit(), ROLLBACK when dropped uncommitted or after a failed step.
class SqliteWrite : public CacheWrite {
 public:
  // `build`: the write fills an empty cache through a rollback journal; WAL again after it.
  SqliteWrite(Database& db, std::unique_ptr<sqlite::Transaction> write, bool build)
      : db_(db),
        build_(build),
        write_(std::move(write)),
        ins_(db,
             "INSERT OR REPLACE INTO entries(path, size, mtime, ctime, inode, device, hash, stored, data)"
             " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"),
        del_(db, "DELETE FROM entries WHERE path = ?1"),
        stored_(now_ns()) {
    ok_ = ins_.ok() && del_.ok();
  }

  bool put(CacheEntry&& e) override {
    if (!ok_) return false;
    ins_.reset();
    ins_.bind_unowned(1, e.file.path);
    ins_.bind(2, as_i64(e.file.size));
    ins_.bind(3, e.file.mtime_ns);
    ins_.bind(4, e.file.ctime_ns);
    ins_.bind(5, as_i64(e.file.inode));
    ins_.bind(6, as_i64(e.file.device));
    ins_.bind(7, as_i64(e.content_hash));
    ins_.bind(8, stored_);
    ins_.bind_blob_unowned(9, e.data);
    ok_ = ins_.step() == Step::done;
    ins_.clear_bindings();  // `e` goes when this returns
    return ok_;
  }

  bool commit(const std::vector<std::string>& remove) override {
    for (const auto& path : remove) {
      if (!ok_) break;
      del_.reset();
      del_.bind_unowned(1, path);
      ok_ = del_.step() == Step::done;
    }
    ins_.reset();
    del_.reset();
    if (!ok_ || !write_->commit()) return false;  // `write_` rolls back when this goes
    if (build_) journal_mode(db_, "wal");  // else the next open sets it
    return true;
  }

 private:
  Database& db_;
  bool build_;
  // Declared before the statements, so destroyed after: they are finalized before the rollback.
  std::unique_ptr<sqlite::Transaction> write_;
  Statement ins_, del_;
  std::int64_t stored_;
  bool ok_ = false;
};

}  // namespace

std::unique_ptr<CacheWrite> SqliteCache::begin_write() {
  if (broken_) {
    // A read met corruption: replace the file rather than write into it.
    std::string error;
    db_.reset();
    if (!remove_files(path_, error)) return nullptr;
    db_ = open_db(path_, error);
    if (!db_) return nullptr;
    bool reset = false;
    if (init(*db_, version_, reset) != Init::ok) return nullptr;
    broken_ = false;
  }
  if (!db_) return nullptr;
  // Filling an empty cache (a first run, or a new version's) writes hundreds of MB at 100k
  // notes, which WAL writes twice: to the log, then into the database. A rollback journal
  // does not save pages past the database's end, so each is written once (a 100k first run
  // 0.5-1 s and a fifth of its system time less). While it is written, other kb runs wait
  // their busy timeout and run without the cache, as they do when it is busy.
  const bool build = !has_entries(*db_) && journal_mode(*db_, "delete") == "delete";
  auto write = std::make_unique<sqlite::Transaction>(*db_);
  if (!write->ok()) {
    if (build) journal_mode(*db_, "wal");
    return nullptr;
  }
  return std::make_unique<SqliteWrite>(*db_, std::move(write), build);
}

bool SqliteCache::update(std::vector<CacheEntry>&& put, const std::vector<std::string>& remove) {
  if (put.empty() && remove.empty() && !broken_) return true;
  std::unique_ptr<CacheWrite> write = begin_write();
  if (!write) return false;
  for (auto& e : put)
    if (!write->put(std::move(e))) return false;
  return write->commit(remove);
}

namespace {

constexpr char kGraphMagic[4] = {'K', 'B', 'G', 'F'};

// The snapshot file: magic, u32 length of the version, the version, i64 stored_ns, the blob.
std::string graph_header(const std::string& version, std::int64_t stored_ns) {
  std::string h(kGraphMagic, 4);
  h.resize(8);
  put_le(h, 4, version.size(), 4);
  h += version;
  h.resize(h.size() + 8);
  put_le(h, h.size() - 8, as_u64(stored_ns), 8);
  return h;
}

}  // namespace

namespace {

// The snapshot file past its own header, read with pread(2) into memory of the reader's, never
// mapped: a mapping of a file that another program cuts short in place raises SIGBUS when the
// pages past the new end are touched; a read then just comes short, and the decode fails.
class SnapshotFile final : public ByteSource {
 public:
  SnapshotFile(int fd, std::size_t base, std::size_t size) : fd_(fd), base_(base), size_(size) {}
  std::size_t size() const override { return size_; }
  bool read(std::size_t offset, std::size_t n, char* out) const override {
    if (offset > size_ || n > size_ - offset) return false;
    for (std::size_t done = 0; done < n;) {
      const ssize_t got = ::pread(fd_, out + done, n - done, static_cast<off_t>(base_ + offset + done));
      if (got < 0 && errno == EINTR) continue;
      if (got <= 0) return false;
      done += static_cast<std::size_t>(got);
    }
    return true;
  }

 private:
  int fd_;
  std::size_t base_, size_;
};

}  // namespace

bool SqliteCache::read_graph(const std::function<bool(const ByteSource&, std::int64_t)>& use) {
  const int fd = ::openat(dir_fd_, graph_name_.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return false;
  struct stat st {};
  const std::string expected = graph_header(version_, 0);
  const std::size_t head = expected.size();
  bool ok = false;
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size >= 0 && static_cast<std::size_t>(st.st_size) >= head) {
    const SnapshotFile file(fd, 0, static_cast<std::size_t>(st.st_size));
    std::string header(head, '\0');
    if (file.read(0, head, header.data()) && header.compare(0, head - 8, expected, 0, head - 8) == 0)
      ok = use(SnapshotFile(fd, head, file.size() - head), as_i64(get_le(header, head - 8, 8)));
  }
  ::close(fd);
  return ok;
}

namespace {

// A snapshot written to a fresh private file (O_EXCL: never one that exists, nor where a link
// points) inside the cache's folder, renamed over the snapshot on commit. The header goes first
// with a zero time, and is written again with the time on commit.
class SnapshotWrite final : public GraphWrite {
 public:
  SnapshotWrite(int dir_fd, std::string tmp, std::string name, std::string version)
      : dir_fd_(dir_fd), tmp_(std::move(tmp)), name_(std::move(name)), version_(std::move(version)) {
    for (int attempt = 0; attempt < 2 && fd_ < 0; ++attempt) {
      fd_ = ::openat(dir_fd_, tmp_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
      if (fd_ < 0 && errno == EEXIST && attempt == 0) ::unlinkat(dir_fd_, tmp_.c_str(), 0);  // left by a crash
    }
    ok_ = fd_ >= 0 && posix::write_all(fd_, graph_header(version_, 0));
  }
  ~SnapshotWrite() override {
    if (fd_ >= 0) {
      ::close(fd_);
      ::unlinkat(dir_fd_, tmp_.c_str(), 0);
    }
  }
  bool ok() const { return ok_; }  ///< the file is open and its header written
  bool append(std::string_view bytes) override { return ok_ = ok_ && posix::write_all(fd_, bytes); }
  bool commit() override {
    if (fd_ < 0) return false;
    const std::string header = graph_header(version_, now_ns());
    bool ok = ok_ && ::pwrite(fd_, header.data(), header.size(), 0) == static_cast<ssize_t>(header.size());
    ok = ::close(fd_) == 0 && ok;
    fd_ = -1;
    if (ok && ::renameat(dir_fd_, tmp_.c_str(), dir_fd_, name_.c_str()) == 0) return true;
    ::unlinkat(dir_fd_, tmp_.c_str(), 0);
    return false;
  }

 private:
  int dir_fd_;
  std::string tmp_, name_, version_;
  int fd_ = -1;
  bool ok_ = false;
};

}  // namespace

std::unique_ptr<GraphWrite> SqliteCache::begin_graph_write() {
  auto w = std::make_unique<SnapshotWrite>(dir_fd_, graph_name_ + ".tmp" + std::to_string(::getpid()), graph_name_,
                                           version_);
  if (!w->ok()) return nullptr;
  return w;
}

bool SqliteCache::write_graph(const std::vector<std::string>& parts) {
  auto w = begin_graph_write();
  if (!w) return false;
  for (const auto& part : parts) w->append(part);
  return w->commit();
}

long long SqliteCache::graph_size() {
  long long size = -1;
  read_graph([&](const ByteSource& data, std::int64_t) {
    size = static_cast<long long>(data.size());
    return true;
  });
  return size;
}

long long SqliteCache::count() {
  if (!db_) return -1;
  Statement q(*db_, "SELECT count(*) FROM entries");
  if (!q.ok() || q.step() != Step::row) return -1;
  return q.int64(0);
}

std::unique_ptr<TextIndex> SqliteCache::text_index() { return db_ ? cached_text_index(*db_) : nullptr; }

std::string index_cache_path(const std::string& root) { return root + "/.kb/cache.sqlite"; }

std::unique_ptr<SqliteCache> open_index_cache(const std::string& root, const std::string& version,
                                              std::string& warning) {
  const std::string path = index_cache_path(root);
  if (!SqliteCache::prepare(path, warning)) return nullptr;
  std::string error;
  return SqliteCache::open(path, version, error);
}

}  // namespace kb
