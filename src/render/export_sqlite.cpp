// kb export sqlite: the KB as tables, built in an in-memory database and returned as its
// file image (serialized), so the caller writes it whole or not at all.
#include <memory>

#include <nlohmann/json.hpp>

#include "kb/base/sqlite.h"
#include "kb/parse/markdown.h"
#include "kb/render/export.h"

#include "exported_actions.h"

namespace kb {
namespace {

constexpr const char* kSchema = R"sql(
CREATE TABLE records (
  id TEXT PRIMARY KEY,        -- the record id (path without .md), or unresolved:TYPE:NAME
  type TEXT NOT NULL,         -- meeting, person, organization, topic, event, note
  name TEXT NOT NULL,         -- canonical name; a meeting's title
  defined INTEGER NOT NULL,   -- 0: a name used in notes that no record defines
  path TEXT,
  date TEXT, time TEXT, timezone TEXT, location TEXT,
  event TEXT REFERENCES records(id),
  summary TEXT,
  parent TEXT REFERENCES records(id),
  kind TEXT, honorific TEXT, start TEXT, "end" TEXT,
  aliases TEXT NOT NULL,      -- JSON array
  tags TEXT NOT NULL,         -- JSON array
  fields TEXT NOT NULL        -- the front matter as written, JSON object
);
CREATE TABLE attendance (
  meeting TEXT NOT NULL REFERENCES records(id),
  person TEXT REFERENCES records(id),
  organization TEXT REFERENCES records(id),
  role TEXT
);
CREATE TABLE affiliations (
  person TEXT NOT NULL REFERENCES records(id),
  organization TEXT REFERENCES records(id),
  role TEXT, since TEXT, until TEXT
);
CREATE TABLE topics (
  meeting TEXT NOT NULL REFERENCES records(id),
  topic TEXT REFERENCES records(id)
);
CREATE TABLE tags (
  record TEXT NOT NULL REFERENCES records(id),
  tag TEXT NOT NULL
);
CREATE TABLE actions (
  meeting TEXT NOT NULL REFERENCES records(id),
  line INTEGER NOT NULL,
  text TEXT NOT NULL,
  owner TEXT REFERENCES records(id),
  due TEXT, done INTEGER NOT NULL, done_on TEXT,
  cancelled INTEGER NOT NULL, cancelled_on TEXT,
  scheduled TEXT, start TEXT, created TEXT, priority TEXT
);
CREATE TABLE links (
  source TEXT NOT NULL REFERENCES records(id),
  target TEXT REFERENCES records(id),
  kind TEXT NOT NULL,         -- mention, organization, attendee, topic, event, parent, affiliation
  text TEXT,                  -- the name as written
  line INTEGER
);
CREATE INDEX attendance_person ON attendance(person);
CREATE INDEX links_target ON links(target);
CREATE INDEX actions_owner ON actions(owner);
)sql";

nlohmann::json to_json(const Value& v) {
  switch (v.kind) {
    case Value::Kind::null: return nullptr;
    case Value::Kind::scalar: return v.text;
    case Value::Kind::sequence: {
      auto a = nlohmann::json::array();
      for (const auto& i : v.items) a.push_back(to_json(i));
      return a;
    }
    case Value::Kind::mapping: {
      auto o = nlohmann::json::object();
      for (const auto& [k, x] : v.entries) o[k] = to_json(x);
      return o;
    }
  }
  return nullptr;
}

// A cell: text, an integer, or NULL.
struct Cell {
  enum { null, text, integer } kind = null;
  std::string s;
  long long i = 0;
  Cell() = default;
  Cell(std::string t) : kind(text), s(std::move(t)) {}
  Cell(const char* t) : kind(text), s(t) {}
  Cell(long long n) : kind(integer), i(n) {}
  Cell(int n) : kind(integer), i(n) {}
  Cell(bool b) : kind(integer), i(b ? 1 : 0) {}
};

Cell opt_text(const std::string& s) { return s.empty() ? Cell() : Cell(s); }
Cell opt_date(const std::optional<Date>& d) { return d ? Cell(to_string(*d)) : Cell(); }

class Writer {
 public:
  Writer(sqlite::Database& db, std::string& error) : db_(db), error_(error) {}

  bool exec(const char* sql) {
    if (db_.exec(sql)) return true;
    return fail();
  }

  bool insert(const char* sql, const std::vector<Cell>& cells) {
    sqlite::Statement stmt(db_, sql);
    if (!stmt.ok()) return fail();
    for (std::size_t k = 0; k < cells.size(); ++k) {
      int col = static_cast<int>(k) + 1;
      const Cell& c = cells[k];
      bool bound = c.kind == Cell::null      ? stmt.bind_null(col)
                   : c.kind == Cell::integer ? stmt.bind(col, static_cast<std::int64_t>(c.i))
                                             : stmt.bind(col, std::string_view(c.s));
      if (!bound) return fail();
    }
    if (stmt.step() != sqlite::Step::done) return fail();
    return true;
  }

 private:
  bool fail() {
    error_ = db_.error();
    return false;
  }
  sqlite::Database& db_;
  std::string& error_;
};

}  // namespace

std::optional<std::string> render_sqlite(const KnowledgeBase& kb, std::string& error) {
  kb.require_minutes("render_sqlite");
  kb.require_actions("render_sqlite");
  std::unique_ptr<sqlite::Database> db = sqlite::Database::open_memory(error);
  if (!db) return std::nullopt;
  Writer w(*db, error);
  if (!w.exec(kSchema) || !w.exec("BEGIN")) return std::nullopt;

  auto id_of = [&](NodeId id) -> Cell {
    const Record* r = kb.lookup(id);
    return r ? Cell(export_id(*r)) : Cell();
  };
  bool ok = true;
  for (const auto& r : kb.records()) {
    auto aliases = nlohmann::json::array();
    for (const auto& a : r.aliases) aliases.push_back(a);
    auto tags = nlohmann::json::array();
    for (const auto& t : r.tags) tags.push_back(t);
    std::string fields = r.text->fields.is_mapping() ? to_json(r.text->fields).dump() : "{}";
    std::string id = export_id(r);
    ok = ok && w.insert("INSERT INTO records VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                        {id, std::string(to_string(r.type)), r.name, r.defined, opt_text(r.path), opt_date(r.date),
                         opt_text(r.time), opt_text(r.timezone), opt_text(r.location), id_of(r.event.target),
                         opt_text(r.minutes->summary), id_of(r.entity->parent.target), opt_text(r.entity->kind), opt_text(r.entity->honorific),
                         opt_date(r.entity->start), opt_date(r.entity->end), aliases.dump(), tags.dump(), fields});
    for (const auto& t : r.tags) ok = ok && w.insert("INSERT INTO tags VALUES (?,?)", {id, t.str()});
    auto link = [&](const NameRef& ref, const char* kind) {
      if (ref.text.empty()) return;
      ok = ok && w.insert("INSERT INTO links VALUES (?,?,?,?,?)",
                          {id, id_of(ref.target), kind, ref.text.str(), ref.loc.line ? Cell(ref.loc.line) : Cell()});
    };
    for (const auto& a : r.attendees) {
      ok = ok && w.insert("INSERT INTO attendance VALUES (?,?,?,?)",
                          {id, id_of(a.person.target), id_of(a.org), opt_text(a.role)});
      link(a.person, "attendee");
    }
    for (const auto& o : r.organizations) link(o, "organization");
    for (const auto& t : r.topics) {
      ok = ok && w.insert("INSERT INTO topics VALUES (?,?)", {id, id_of(t.target)});
      link(t, "topic");
    }
    link(r.event, "event");
    link(r.entity->parent, "parent");
    for (const auto& a : r.entity->affiliations) {
      ok = ok && w.insert("INSERT INTO affiliations VALUES (?,?,?,?,?)",
                          {id, id_of(a.org.target), opt_text(a.role), opt_date(a.since), opt_date(a.until)});
      link(a.org, "affiliation");
    }
    for (const auto& m : *r.mentions) link(m, "mention");
    for (const auto& a : exported_actions(r))
      ok = ok && w.insert("INSERT INTO actions VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                          {id, a.loc.line, a.text, id_of(a.owner), opt_date(a.due), a.done, opt_date(a.done_on),
                           a.cancelled, opt_date(a.cancelled_on), opt_date(a.scheduled), opt_date(a.start),
                           opt_date(a.created),
                           opt_text(std::string(to_string(static_cast<TaskPriority>(a.priority))))});
    if (!ok) return std::nullopt;
  }
  if (!w.exec("COMMIT")) return std::nullopt;
  std::optional<std::string> bytes = db->serialize();
  if (!bytes) error = "cannot serialize the database";
  return bytes;
}

}  // namespace kb
