#pragma once
// The one adapter over SQLite: a database handle, prepared statements and transactions, with
// SQLite's own error texts. The index cache and the full-text index (store/) and `kb export
// sqlite` (render/) use it; sqlite3.h is included by src/base/sqlite.cpp only. It knows no kb
// table: the SQL is its callers'.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace kb::sqlite {

/// What the last failed call on a database met.
enum class Failure {
  none,
  busy,     ///< another connection holds the lock (SQLITE_BUSY, SQLITE_LOCKED)
  generic,  ///< SQLITE_ERROR: bad SQL, a table that does not exist
  other,    ///< anything else (a file that is no database, I/O, ...)
};

/// An open database; closed when destroyed.
class Database {
 public:
  /// Opens the database file `path` read-write, creating it if missing, for one thread, and
  /// refusing a path with a symbolic link in it. nullptr, with SQLite's reason in `error`,
  /// when it cannot.
  static std::unique_ptr<Database> open_file(const std::string& path, std::string& error);
  /// A new empty database in memory; nullptr, with the reason in `error`, when it cannot.
  static std::unique_ptr<Database> open_memory(std::string& error);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  /// Runs `sql` (one or more statements). False when one fails; error() says why.
  bool exec(const char* sql);
  /// SQLite's message for the last failed call ("database is locked").
  std::string error() const;
  /// The kind of the last failure.
  Failure failure() const;
  /// How long a statement waits for another connection's lock before it fails as busy.
  void busy_timeout(int ms);
  /// The rowid of the last row inserted through this connection.
  std::int64_t last_insert_rowid() const;
  /// The file image of the main database (sqlite3_serialize); std::nullopt when it cannot be made.
  std::optional<std::string> serialize();

 private:
  friend class Statement;
  explicit Database(sqlite3* db) : db_(db) {}
  sqlite3* db_;
};

enum class Step { row, done, error };

/// A prepared statement of one database, which must outlive it; finalized when destroyed.
/// Parameters and columns count as in SQL: parameters from 1, columns from 0.
class Statement {
 public:
  /// Prepares `sql`; ok() is false when it does not compile (Database::error() says why).
  Statement(Database& db, std::string_view sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  bool ok() const { return s_ != nullptr; }

  /// Binds a copy of `text`. Each bind returns false when SQLite refuses it.
  bool bind(int i, std::string_view text);
  bool bind(int i, std::int64_t value);
  bool bind_null(int i);
  /// Binds `text` (or `bytes`) without copying them. REQUIRES: they outlive the next step.
  bool bind_unowned(int i, std::string_view text);
  bool bind_blob_unowned(int i, std::string_view bytes);

  /// The next row, the end, or an error (Database::error() says which).
  Step step();
  /// Steps once and resets: for a statement that returns no rows. True unless it failed.
  bool run();
  /// Makes the statement ready to step from the start again (bindings are kept).
  void reset();
  void clear_bindings();

  /// Column `col` of the current row: text ("" for NULL), integer, real, blob bytes (valid
  /// until the next step or reset).
  std::string text(int col);
  std::int64_t int64(int col);
  double real(int col);
  std::string_view blob(int col);
  bool is_null(int col);

 private:
  sqlite3_stmt* s_ = nullptr;
};

/// A write transaction: BEGIN (IMMEDIATE: the write lock at once, or DEFERRED) when made,
/// ROLLBACK when destroyed before commit().
class Transaction {
 public:
  enum class Lock { deferred, immediate };
  explicit Transaction(Database& db, Lock lock = Lock::immediate);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  /// False when BEGIN failed (Database::error() says why): nothing is to be written.
  bool ok() const { return open_; }
  /// COMMIT; false when it fails (then the destructor rolls back).
  bool commit();

 private:
  Database& db_;
  bool open_ = false;
};

/// The version of the SQLite library kb runs on ("3.40.1").
std::string library_version();

}  // namespace kb::sqlite
