#pragma once
// SqliteCache: the index cache (base/cache.h) kept in one SQLite file inside the KB
// (`.kb/cache.sqlite`). WAL journal and a busy timeout let several kb processes read and
// write it at once; every write is one transaction. A file that is not a readable cache of
// this version (corrupt, truncated, foreign, another format version) is emptied or replaced,
// never believed. The cache holds the notes' text, so its folder is private (0700, files
// 0600), and kb never follows a symbolic link in it nor opens anything there but a folder and
// regular files. SQLite is reached through base/sqlite.h.

#include <memory>
#include <string>
#include <string_view>

#include "kb/base/cache.h"
#include "kb/base/text_index.h"

namespace kb {

namespace sqlite {
class Database;
}

class SqliteCache : public IndexCache {
 public:
  /// Why the cache at `path` (`<kb>/.kb/cache.sqlite`) must not be used, or "" when it may:
  /// its folder is a symbolic link or not a folder, or one of its files (the database, its WAL
  /// companions, the snapshot) is a symbolic link or not a regular file. Named as the user
  /// sees them: ".kb is a symbolic link", ".kb/cache.sqlite-graph is not a regular file".
  /// Looks only (lstat(2)); a missing folder or file is fine.
  static std::string unsafe(const std::string& path);
  /// Makes the folder of `path` ready for the cache: creates it (0700) when missing, checks it
  /// (unsafe()), and tightens the folder and the cache files this user owns to 0700 and 0600
  /// (an older kb made them 0755 and 0644). Returns false when no cache may be opened there:
  /// with `warning` set to unsafe()'s reason when that is why, else (the folder cannot be made,
  /// e.g. a read-only KB) with `warning` left empty. Never follows a symbolic link.
  static bool prepare(const std::string& path, std::string& warning);
  /// Opens (creating when missing, 0600) the cache file `path`; its folder must exist.
  /// `version` names the blob format; a cache written with another one is emptied. A file
  /// that SQLite cannot read as our cache is deleted and created again. Returns nullptr and
  /// sets `error` when no cache can be used (unsafe(), a read-only folder); callers then load
  /// without one. Links above the folder are resolved once here; a link in the folder or for
  /// a file is refused then and later (SQLITE_OPEN_NOFOLLOW, O_NOFOLLOW), and the snapshot is
  /// read and written only inside the folder opened here.
  static std::unique_ptr<SqliteCache> open(const std::string& path, const std::string& version,
                                           std::string& error);
  /// Deletes the cache file at `path`, its WAL companions and the graph snapshot, inside their
  /// folder only. Returns false and sets `error` when a file exists and cannot be removed, or
  /// when the folder is a symbolic link (nothing is removed where it points); a missing cache
  /// is not an error.
  static bool remove_files(const std::string& path, std::string& error);

  ~SqliteCache() override;
  SqliteCache(const SqliteCache&) = delete;
  SqliteCache& operator=(const SqliteCache&) = delete;

  void scan(const std::function<void(CacheEntry&&)>& visit) override;
  bool update(std::vector<CacheEntry>&& put, const std::vector<std::string>& remove) override;
  /// One transaction (BEGIN IMMEDIATE: it waits for another writer up to the busy timeout),
  /// each entry stored as it is put.
  std::unique_ptr<CacheWrite> begin_write() override;
  /// The snapshot lives in its own file beside the database (`cache.sqlite-graph`), headed by
  /// this cache's version and written to a new private file that is renamed over it, so
  /// readers see an old snapshot or a new one, never half of one. It is read with pread(2),
  /// a part at a time, into memory of the reader's, never mapped: a file cut short while kb
  /// reads it gives no snapshot, never a SIGBUS.
  bool read_graph(const std::function<bool(const ByteSource&, std::int64_t)>& use) override;
  bool write_graph(const std::vector<std::string>& parts) override;
  /// Appends to a fresh private file as the parts come; commit() stamps the header with the
  /// time and renames the file over the snapshot.
  std::unique_ptr<GraphWrite> begin_graph_write() override;

  /// The full-text index kept in this cache's file (`kb search`), which keeps the file stamps
  /// of every note it holds, so a search indexes again only the notes whose file changed.
  /// Valid while this cache lives; nullptr when the cache cannot be read.
  std::unique_ptr<TextIndex> text_index();

  /// Number of stored entries (for `kb cache status`); -1 when the cache cannot be read.
  long long count();
  /// Size in bytes of the graph snapshot of this version, or -1 when there is none.
  long long graph_size();

 private:
  SqliteCache(std::unique_ptr<sqlite::Database> db, std::string path);
  std::unique_ptr<sqlite::Database> db_;  ///< null only after a rebuild failed
  std::string path_;          ///< the database, links above its folder resolved
  int dir_fd_ = -1;            ///< the folder, opened without following a link
  std::string graph_name_;     ///< the snapshot's name in that folder
  bool broken_ = false;  ///< a read found corruption: the next update rebuilds the file
  std::string version_;
};

/// Where the index cache of the KB at `root` lives (`<root>/.kb/cache.sqlite`).
std::string index_cache_path(const std::string& root);

/// The KB's index cache, as every reader of a KB opens it (the CLI's commands, `kb serve`):
/// prepare() then open() at index_cache_path(root). The cache is an optimisation only, so
/// nullptr means "load without it": silently when it cannot be opened (a read-only KB, a busy
/// or unwritable file), and with `warning` set when opening it would follow a link out of
/// `.kb` or open something that is no file.
std::unique_ptr<SqliteCache> open_index_cache(const std::string& root, const std::string& version,
                                              std::string& warning);

}  // namespace kb
