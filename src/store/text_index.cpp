#include "kb/store/text_index.h"

#include <algorithm>
#include <chrono>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "kb/base/cache.h"
#include "kb/base/sqlite.h"
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

using sqlite::Database;
using sqlite::Statement;
using sqlite::Step;

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
  /// The index in `db`, which must outlive it.
  explicit SqliteTextIndex(Database& db) : db_(db) {}
  /// The index in a database of its own.
  explicit SqliteTextIndex(std::unique_ptr<Database> own) : db_(*own), own_(std::move(own)) {}

  std::optional<std::vector<FileInfo>> indexed(const std::string& key) override;
  bool update(const std::vector<IndexedNote>& put, const std::vector<std::string>& remove,
              const std::string& key) override;
  std::vector<TextHit> find(const SearchTerms& terms, std::size_t limit) override;
  void snippets(const SearchTerms& terms, std::vector<TextHit>& hits, std::size_t words) override;

 private:
  bool put_one(Statement& doc, Statement& row, const IndexedNote& n, std::int64_t now);
  static bool drop_one(Statement& row, Statement& doc, const std::string& path);
  Database& db_;
  std::unique_ptr<Database> own_;
};

std::string stored_key(Database& db) {
  Statement q(db, "SELECT value FROM meta WHERE key = 'search'");
  if (!q.ok() || q.step() != Step::row) return "";
  return q.text(0);
}

// The path and stamps of a row of search_docs (path, size, mtime_ns, ctime_ns, inode, device,
// indexed_ns): zero stamps when the note was indexed within the racy window of its mtime.
FileInfo stamps_of(Statement& q) {
  FileInfo f;
  f.path = q.text(0);
  if (q.int64(2) >= q.int64(6) - kRacyWindowNs) return f;
  f.size = static_cast<std::uint64_t>(q.int64(1));
  f.mtime_ns = q.int64(2);
  f.ctime_ns = q.int64(3);
  f.inode = static_cast<std::uint64_t>(q.int64(4));
  f.device = static_cast<std::uint64_t>(q.int64(5));
  return f;
}

std::optional<std::vector<FileInfo>> SqliteTextIndex::indexed(const std::string& key) {
  // A new index, or one built under another key: emptied, and every note is to be indexed.
  if (stored_key(db_) != "k" + key) {
    db_.exec("DELETE FROM search; DELETE FROM search_docs; DELETE FROM meta WHERE key = 'search'");
    return std::nullopt;
  }
  Statement q(db_, "SELECT path, size, mtime_ns, ctime_ns, inode, device, indexed_ns FROM search_docs");
  if (!q.ok()) return std::nullopt;
  std::vector<FileInfo> out;
  Step step;
  while ((step = q.step()) == Step::row) out.push_back(stamps_of(q));
  if (step != Step::done) return std::nullopt;
  // Sorted here rather than by SQL, so that the order is std::string's whatever the collation.
  std::sort(out.begin(), out.end(), [](const FileInfo& x, const FileInfo& y) { return x.path < y.path; });
  return out;
}

bool SqliteTextIndex::drop_one(Statement& row, Statement& doc, const std::string& path) {
  row.bind(1, path);
  doc.bind(1, path);
  return row.run() && doc.run();
}

bool SqliteTextIndex::put_one(Statement& doc, Statement& row, const IndexedNote& n, std::int64_t now) {
  const FileInfo& f = n.stamps;
  doc.bind(1, n.path);
  const std::int64_t stamps[] = {static_cast<std::int64_t>(f.size), f.mtime_ns, f.ctime_ns,
                                 static_cast<std::int64_t>(f.inode), static_cast<std::int64_t>(f.device), now};
  for (int i = 0; i < 6; ++i) doc.bind(i + 2, stamps[i]);
  if (!doc.run()) return false;
  row.bind(1, db_.last_insert_rowid());
  const std::string* fields[] = {&n.title, &n.names, &n.summary, &n.decisions, &n.actions, &n.body};
  for (int i = 0; i < 6; ++i) row.bind(i + 2, clean(*fields[i]));
  return row.run();
}

bool SqliteTextIndex::update(const std::vector<IndexedNote>& put, const std::vector<std::string>& remove,
                             const std::string& key) {
  sqlite::Transaction write(db_);
  if (!write.ok()) return false;
  Statement row_out(db_, "DELETE FROM search WHERE rowid = (SELECT id FROM search_docs WHERE path = ?1)");
  Statement doc_out(db_, "DELETE FROM search_docs WHERE path = ?1");
  Statement doc_in(db_,
              "INSERT INTO search_docs(path, size, mtime_ns, ctime_ns, inode, device, indexed_ns)"
              " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  Statement row_in(db_, "INSERT INTO search(rowid, title, names, summary, decisions, actions, body) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  Statement key_in(db_, "INSERT OR REPLACE INTO meta(key, value) VALUES('search', ?1)");
  bool ok = row_out.ok() && doc_out.ok() && doc_in.ok() && row_in.ok() && key_in.ok();
  const std::int64_t now = now_ns();
  for (const auto& path : remove) ok = ok && drop_one(row_out, doc_out, path);
  for (const auto& n : put) ok = ok && drop_one(row_out, doc_out, n.path) && put_one(doc_in, row_in, n, now);
  if (ok) {
    key_in.bind(1, "k" + key);
    ok = key_in.run();
  }
  return ok && write.commit();  // else `write` rolls back
}

std::vector<TextHit> SqliteTextIndex::find(const SearchTerms& terms, std::size_t limit) {
  std::vector<TextHit> hits;
  const std::string match = fts5_query(terms);
  if (match.empty()) return hits;
  // Every hit: sorted here, where a sort of 40,000 takes a few milliseconds (SQLite's sorter
  // took a fifth of a common word's search). A few: SQLite keeps only the best.
  const std::string select = std::string("SELECT d.path, ") + kRank +
                             " AS r FROM search JOIN search_docs d ON d.id = search.rowid WHERE search MATCH ?1";
  Statement q(db_, limit ? select + " ORDER BY r, d.path LIMIT ?2" : select);
  if (!q.ok()) return hits;
  q.bind(1, match);
  if (limit) q.bind(2, static_cast<std::int64_t>(limit));
  while (q.step() == Step::row) hits.push_back({q.text(0), q.real(1), {}});
  if (!limit)
    std::sort(hits.begin(), hits.end(), [](const TextHit& a, const TextHit& b) {
      return a.rank != b.rank ? a.rank < b.rank : a.path < b.path;
    });
  return hits;
}

void SqliteTextIndex::snippets(const SearchTerms& terms, std::vector<TextHit>& hits, std::size_t words) {
  const std::string match = fts5_query(terms);
  if (match.empty() || hits.empty()) return;
  // The hits' rows, then one pass over every match that makes a snippet for those rows only.
  // A query per snippet made FTS5 gather a prefix's matches (`"observ"*`) once per snippet:
  // a millisecond each for a word in 40,000 notes; this pass takes 20 ms for 200 of them.
  Statement row(db_, "SELECT id FROM search_docs WHERE path = ?1");
  if (!row.ok()) return;
  std::unordered_map<std::int64_t, std::size_t> hit_of;  // row -> its hit
  std::string rows;
  for (std::size_t i = 0; i < hits.size(); ++i) {
    row.bind(1, hits[i].path);
    if (row.step() == Step::row) {
      const std::int64_t id = row.int64(0);
      hit_of.emplace(id, i);
      rows += (rows.empty() ? "" : ",") + std::to_string(id);
    }
    row.reset();
  }
  if (rows.empty()) return;
  Statement q(db_, "SELECT rowid, CASE WHEN rowid IN (" + rows +
                       ") THEN snippet(search, -1, char(1), char(2), '…', ?2) END FROM search WHERE search MATCH ?1");
  if (!q.ok()) return;
  q.bind(1, match);
  q.bind(2, static_cast<std::int64_t>(std::min<std::size_t>(words, 64)));
  while (q.step() == Step::row)
    if (auto it = hit_of.find(q.int64(0)); it != hit_of.end()) hits[it->second].snippet = q.text(1);
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

std::unique_ptr<TextIndex> cached_text_index(sqlite::Database& db) { return std::make_unique<SqliteTextIndex>(db); }

std::unique_ptr<TextIndex> memory_text_index() {
  std::string error;
  std::unique_ptr<Database> db = Database::open_memory(error);
  if (!db || !db->exec(kSearchTables) || !db->exec("CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)"))
    return nullptr;
  return std::make_unique<SqliteTextIndex>(std::move(db));
}

}  // namespace kb
