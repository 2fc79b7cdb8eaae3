#include "kb/base/sqlite.h"

#include <sqlite3.h>

namespace kb::sqlite {
namespace {

// The handle, or nullptr with SQLite's reason in `error`.
sqlite3* open_with(const char* name, int flags, std::string& error) {
  sqlite3* db = nullptr;
  const int rc = sqlite3_open_v2(name, &db, flags, nullptr);
  if (rc == SQLITE_OK) return db;
  error = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  sqlite3_close(db);
  return nullptr;
}

}  // namespace

std::unique_ptr<Database> Database::open_file(const std::string& path, std::string& error) {
  sqlite3* db = open_with(path.c_str(),
                          SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_NOFOLLOW, error);
  return db ? std::unique_ptr<Database>(new Database(db)) : nullptr;
}

std::unique_ptr<Database> Database::open_memory(std::string& error) {
  sqlite3* db = open_with(":memory:", SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, error);
  return db ? std::unique_ptr<Database>(new Database(db)) : nullptr;
}

Database::~Database() { sqlite3_close(db_); }

bool Database::exec(const char* sql) { return sqlite3_exec(db_, sql, nullptr, nullptr, nullptr) == SQLITE_OK; }

std::string Database::error() const { return sqlite3_errmsg(db_); }

Failure Database::failure() const {
  switch (sqlite3_errcode(db_)) {
    case SQLITE_OK:
    case SQLITE_ROW:
    case SQLITE_DONE: return Failure::none;
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return Failure::busy;
    case SQLITE_ERROR: return Failure::generic;
    default: return Failure::other;
  }
}

void Database::busy_timeout(int ms) { sqlite3_busy_timeout(db_, ms); }

std::int64_t Database::last_insert_rowid() const { return sqlite3_last_insert_rowid(db_); }

std::optional<std::string> Database::serialize() {
  sqlite3_int64 size = 0;
  unsigned char* image = sqlite3_serialize(db_, "main", &size, 0);
  if (!image) return std::nullopt;
  std::string bytes(reinterpret_cast<const char*>(image), static_cast<std::size_t>(size));
  sqlite3_free(image);
  return bytes;
}

Statement::Statement(Database& db, std::string_view sql) {
  if (sqlite3_prepare_v2(db.db_, sql.data(), static_cast<int>(sql.size()), &s_, nullptr) != SQLITE_OK) {
    sqlite3_finalize(s_);
    s_ = nullptr;
  }
}

Statement::~Statement() { sqlite3_finalize(s_); }

bool Statement::bind(int i, std::string_view text) {
  return sqlite3_bind_text(s_, i, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT) == SQLITE_OK;
}

bool Statement::bind(int i, std::int64_t value) { return sqlite3_bind_int64(s_, i, value) == SQLITE_OK; }

bool Statement::bind_null(int i) { return sqlite3_bind_null(s_, i) == SQLITE_OK; }

bool Statement::bind_unowned(int i, std::string_view text) {
  return sqlite3_bind_text(s_, i, text.data(), static_cast<int>(text.size()), SQLITE_STATIC) == SQLITE_OK;
}

bool Statement::bind_blob_unowned(int i, std::string_view bytes) {
  return sqlite3_bind_blob(s_, i, bytes.data(), static_cast<int>(bytes.size()), SQLITE_STATIC) == SQLITE_OK;
}

Step Statement::step() {
  switch (sqlite3_step(s_)) {
    case SQLITE_ROW: return Step::row;
    case SQLITE_DONE: return Step::done;
    default: return Step::error;
  }
}

bool Statement::run() {
  const Step s = step();
  sqlite3_reset(s_);
  return s != Step::error;
}

void Statement::reset() { sqlite3_reset(s_); }

void Statement::clear_bindings() { sqlite3_clear_bindings(s_); }

std::string Statement::text(int col) {
  const unsigned char* p = sqlite3_column_text(s_, col);
  return p ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(s_, col)))
           : std::string();
}

std::int64_t Statement::int64(int col) { return sqlite3_column_int64(s_, col); }

double Statement::real(int col) { return sqlite3_column_double(s_, col); }

std::string_view Statement::blob(int col) {
  const void* p = sqlite3_column_blob(s_, col);
  return p ? std::string_view(static_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(s_, col)))
           : std::string_view();
}

bool Statement::is_null(int col) { return sqlite3_column_type(s_, col) == SQLITE_NULL; }

Transaction::Transaction(Database& db, Lock lock) : db_(db) {
  open_ = db_.exec(lock == Lock::immediate ? "BEGIN IMMEDIATE" : "BEGIN");
}

Transaction::~Transaction() {
  if (open_) db_.exec("ROLLBACK");
}

bool Transaction::commit() {
  if (!open_ || !db_.exec("COMMIT")) return false;
  open_ = false;
  return true;
}

std::string library_version() { return sqlite3_libversion(); }

}  // namespace kb::sqlite
