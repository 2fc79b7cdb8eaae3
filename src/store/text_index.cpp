#include "kb/store/text_index.h"

#include <algorithm>
#include <chrono>
#include <string_view>
#include <utility>

#include <sqlite3.h>

#include "text_index_sql.h"

namespace kb {

// Each document's file stamps (FileInfo) and when it was indexed (indexed_ns), from which
// indexed() tells the notes that changed since.
const char* const kSearchTables =
    "CREATE VIRTUAL TABLE IF NOT EXISTS search USING fts5(title, names, summary, decisions, actions, body,"
    " tokenize = 'unicode61 remove_diacritics 2');"
    "CREATE TABLE IF NOT EXISTS search_docs(id INTEGER PRIMARY KEY, path TEXT UNIQUE NOT NULL,"
    " size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL, ctime_ns INTEGER NOT NULL, inode INTEGER NOT NULL,"
    " device INTEGER NOT NULL, indexed_ns INTEGER NOT NULL);";

const char* const kDropSearch = "DROP TABLE IF EXISTS search; DROP TABLE IF EXISTS search_docs;";

namespace {

// bm25 weights of the columns, in kSearchTables' order: a word in a title counts ten body words.
const char* const kRank = "bm25(search, 10.0, 8.0, 3.0, 3.0, 3.0, 1.0)";

class Stmt {
 public:
  Stmt(sqlite3* db, const std::string& sql) { sqlite3_prepare_v2(db, sql.c_str(), -1, &s_, nullptr); }
  ~Stmt() { sqlite3_finalize(s_); }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  bool ok() const { return s_ != nullptr; }
  sqlite3_stmt* get() { return s_; }
  void bind(int i, std::string_view text) {
    sqlite3_bind_text(s_, i, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  }
  std::string text(int col) {
    const unsigned char* p = sqlite3_column_text(s_, col);
    return p ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(s_, col)))
             : std::string();
  }
  bool run() {
    const int rc = sqlite3_step(s_);
    sqlite3_reset(s_);
    return rc == SQLITE_DONE || rc == SQLITE_ROW;
  }

 private:
  sqlite3_stmt* s_ = nullptr;
};

bool exec(sqlite3* db, const char* sql) { return sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK; }

// A file whose mtime is this near to (or after) the time its note was indexed may have changed
// again within the same clock tick (coarse file system clocks, FAT's 2 s): as the load's.
constexpr std::int64_t kRacyWindowNs = 3'000'000'000;

std::int64_t now_ns() {
  using namespace std::chrono;
  return duration_cast<nanoseconds>(system_clock::now().time_since_epoch()).count();
}

// `text` without control characters (C0 but tab and line feed, DEL, C1): a snippet's marks
// (kSnippetOpen, kSnippetClose) are then the only ones, and a note's escape sequences never
// reach the index.
std::string clean(std::string_view text) {
  std::string out(text);
  for (std::size_t i = 0; i < out.size(); ++i) {
    const auto c = static_cast<unsigned char>(out[i]);
    if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f) out[i] = ' ';
    else if (c == 0xc2 && i + 1 < out.size() && static_cast<unsigned char>(out[i + 1]) >= 0x80 &&
             static_cast<unsigned char>(out[i + 1]) <= 0x9f)
      out[i] = out[i + 1] = ' ';  // U+0080..U+009F
  }
  return out;
}

void append_quoted(std::string& out, const SearchTerm& t) {
  out += '"';
  for (char c : t.text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  if (t.prefix && !t.phrase) out += '*';
}

std::string alternatives(const std::vector<SearchTerm>& terms) {
  std::string out = "(";
  for (std::size_t i = 0; i < terms.size(); ++i) {
    if (i) out += " OR ";
    append_quoted(out, terms[i]);
  }
  return out + ")";
}

class SqliteTextIndex : public TextIndex {
 public:
  SqliteTextIndex(sqlite3* db, bool owned) : db_(db), owned_(owned) {}
  ~SqliteTextIndex() override {
    if (owned_) sqlite3_close(db_);
  }
  SqliteTextIndex(const SqliteTextIndex&) = delete;
  SqliteTextIndex& operator=(const SqliteTextIndex&) = delete;

  std::optional<std::vector<FileInfo>> indexed(const std::string& key) override;
  bool update(const std::vector<IndexedNote>& put, const std::vector<std::string>& remove,
              const std::string& key) override;
  std::vector<TextHit> find(const SearchTerms& terms, std::size_t limit) override;
  void snippets(const SearchTerms& terms, std::vector<TextHit>& hits, std::size_t words) override;

 private:
  bool put_one(Stmt& doc, Stmt& row, const IndexedNote& n, std::int64_t now);
  static bool drop_one(Stmt& row, Stmt& doc, const std::string& path);
  sqlite3* db_;
  bool owned_;
};

std::string stored_key(sqlite3* db) {
  Stmt q(db, "SELECT value FROM meta WHERE key = 'search'");
  if (!q.ok() || sqlite3_step(q.get()) != SQLITE_ROW) return "";
  return q.text(0);
}

// The path and stamps of a row of search_docs (path, size, mtime_ns, ctime_ns, inode, device,
// indexed_ns): zero stamps when the note was indexed within the racy window of its mtime.
FileInfo stamps_of(Stmt& q) {
  sqlite3_stmt* st = q.get();
  FileInfo f;
  f.path = q.text(0);
  if (sqlite3_column_int64(st, 2) >= sqlite3_column_int64(st, 6) - kRacyWindowNs) return f;
  f.size = static_cast<std::uint64_t>(sqlite3_column_int64(st, 1));
  f.mtime_ns = sqlite3_column_int64(st, 2);
  f.ctime_ns = sqlite3_column_int64(st, 3);
  f.inode = static_cast<std::uint64_t>(sqlite3_column_int64(st, 4));
  f.device = static_cast<std::uint64_t>(sqlite3_column_int64(st, 5));
  return f;
}

std::optional<std::vector<FileInfo>> SqliteTextIndex::indexed(const std::string& key) {
  // A new index, or one built under another key: emptied, and every note is to be indexed.
  if (stored_key(db_) != "k" + key) {
    exec(db_, "DELETE FROM search; DELETE FROM search_docs; DELETE FROM meta WHERE key = 'search'");
    return std::nullopt;
  }
  Stmt q(db_, "SELECT path, size, mtime_ns, ctime_ns, inode, device, indexed_ns FROM search_docs");
  if (!q.ok()) return std::nullopt;
  std::vector<FileInfo> out;
  int rc;
  while ((rc = sqlite3_step(q.get())) == SQLITE_ROW) out.push_back(stamps_of(q));
  if (rc != SQLITE_DONE) return std::nullopt;
  // Sorted here rather than by SQL, so that the order is std::string's whatever the collation.
  std::sort(out.begin(), out.end(), [](const FileInfo& x, const FileInfo& y) { return x.path < y.path; });
  return out;
}

bool SqliteTextIndex::drop_one(Stmt& row, Stmt& doc, const std::string& path) {
  row.bind(1, path);
  doc.bind(1, path);
  return row.run() && doc.run();
}

bool SqliteTextIndex::put_one(Stmt& doc, Stmt& row, const IndexedNote& n, std::int64_t now) {
  const FileInfo& f = n.stamps;
  doc.bind(1, n.path);
  const std::int64_t stamps[] = {static_cast<std::int64_t>(f.size), f.mtime_ns, f.ctime_ns,
                                 static_cast<std::int64_t>(f.inode), static_cast<std::int64_t>(f.device), now};
  for (int i = 0; i < 6; ++i) sqlite3_bind_int64(doc.get(), i + 2, stamps[i]);
  if (!doc.run()) return false;
  sqlite3_bind_int64(row.get(), 1, sqlite3_last_insert_rowid(db_));
  const std::string* fields[] = {&n.title, &n.names, &n.summary, &n.decisions, &n.actions, &n.body};
  for (int i = 0; i < 6; ++i) row.bind(i + 2, clean(*fields[i]));
  return row.run();
}

bool SqliteTextIndex::update(const std::vector<IndexedNote>& put, const std::vector<std::string>& remove,
                             const std::string& key) {
  if (!exec(db_, "BEGIN IMMEDIATE")) return false;
  Stmt row_out(db_, "DELETE FROM search WHERE rowid = (SELECT id FROM search_docs WHERE path = ?1)");
  Stmt doc_out(db_, "DELETE FROM search_docs WHERE path = ?1");
  Stmt doc_in(db_,
              "INSERT INTO search_docs(path, size, mtime_ns, ctime_ns, inode, device, indexed_ns)"
              " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  Stmt row_in(db_, "INSERT INTO search(rowid, title, names, summary, decisions, actions, body) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  Stmt key_in(db_, "INSERT OR REPLACE INTO meta(key, value) VALUES('search', ?1)");
  bool ok = row_out.ok() && doc_out.ok() && doc_in.ok() && row_in.ok() && key_in.ok();
  const std::int64_t now = now_ns();
  for (const auto& path : remove) ok = ok && drop_one(row_out, doc_out, path);
  for (const auto& n : put) ok = ok && drop_one(row_out, doc_out, n.path) && put_one(doc_in, row_in, n, now);
  if (ok) {
    key_in.bind(1, "k" + key);
    ok = key_in.run();
  }
  if (ok && exec(db_, "COMMIT")) return true;
  exec(db_, "ROLLBACK");
  return false;
}

std::vector<TextHit> SqliteTextIndex::find(const SearchTerms& terms, std::size_t limit) {
  std::vector<TextHit> hits;
  const std::string match = fts5_query(terms);
  if (match.empty()) return hits;
  Stmt q(db_, std::string("SELECT d.path, ") + kRank +
                  " AS r FROM search JOIN search_docs d ON d.id = search.rowid WHERE search MATCH ?1 ORDER BY r, d.path LIMIT ?2");
  if (!q.ok()) return hits;
  q.bind(1, match);
  sqlite3_bind_int64(q.get(), 2, limit ? static_cast<sqlite3_int64>(limit) : -1);
  while (sqlite3_step(q.get()) == SQLITE_ROW) hits.push_back({q.text(0), sqlite3_column_double(q.get(), 1), {}});
  return hits;
}

void SqliteTextIndex::snippets(const SearchTerms& terms, std::vector<TextHit>& hits, std::size_t words) {
  const std::string match = fts5_query(terms);
  if (match.empty()) return;
  Stmt q(db_,
         "SELECT snippet(search, -1, char(1), char(2), '…', ?2) FROM search"
         " WHERE search MATCH ?1 AND rowid = (SELECT id FROM search_docs WHERE path = ?3)");
  if (!q.ok()) return;
  for (auto& h : hits) {
    q.bind(1, match);
    sqlite3_bind_int64(q.get(), 2, static_cast<sqlite3_int64>(std::min<std::size_t>(words, 64)));
    q.bind(3, h.path);
    if (sqlite3_step(q.get()) == SQLITE_ROW) h.snippet = q.text(0);
    sqlite3_reset(q.get());
  }
}

}  // namespace

std::string fts5_query(const SearchTerms& terms) {
  if (terms.all_of.empty()) return "";
  std::string out;
  for (const auto& group : terms.all_of) {
    if (group.empty()) continue;
    if (!out.empty()) out += " AND ";
    out += alternatives(group);
  }
  if (out.empty()) return "";
  if (!terms.none_of.empty()) out = "(" + out + ") NOT " + alternatives(terms.none_of);
  return out;
}

std::unique_ptr<TextIndex> cached_text_index(sqlite3* db) {
  return std::make_unique<SqliteTextIndex>(db, /*owned=*/false);
}

std::unique_ptr<TextIndex> memory_text_index() {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK ||
      !exec(db, kSearchTables) || !exec(db, "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)")) {
    sqlite3_close(db);
    return nullptr;
  }
  return std::make_unique<SqliteTextIndex>(db, /*owned=*/true);
}

}  // namespace kb
