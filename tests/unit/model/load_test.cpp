#include "kb/model/load.h"

#include <functional>
#include <map>
#include <mutex>
#include <atomic>
#include <random>
#include <set>
#include <sstream>
#include <stdexcept>

#include <doctest/doctest.h>
#include <cstdlib>

#include "kb/model/graph_codec.h"
#include "kb/parse/record_codec.h"
#include "support/mem_fs.h"

using namespace kb;

namespace {

// MemFileSystem with the stamps a real walk gives (size, mtime, ctime, inode), so the cache can
// be exercised without a disk. Every write gets a new mtime and ctime, as on a real file system.
class StampedFs : public test::MemFileSystem {
 public:
  struct Stamp {
    std::int64_t mtime = 0;
    std::int64_t ctime = 0;
    std::uint64_t inode = 0;
    std::uint64_t device = 1;
  };
  std::map<std::string, Stamp> stamps;
  std::int64_t clock = 1'000'000'000'000;
  std::uint64_t next_inode = 100;

  void put(const std::string& path, std::string content) {
    add(path, std::move(content));
    clock += 1'000'000'000;
    auto& s = stamps[path];
    s.mtime = s.ctime = clock;
    if (s.inode == 0) s.inode = next_inode++;
  }
  void touch(const std::string& path) { stamps[path].mtime = stamps[path].ctime = (clock += 1'000'000'000); }
  /// `cp -p`, `rsync -t`, `touch -r`: new content, the old mtime put back; only ctime moves.
  void put_keeping_mtime(const std::string& path, std::string content) {
    const std::int64_t mtime = stamps[path].mtime;
    put(path, std::move(content));
    stamps[path].mtime = mtime;
  }
  void rename(const std::string& from, const std::string& to) {
    files[to] = files[from];
    stamps[to] = stamps[from];
    files.erase(from);
    stamps.erase(from);
  }
  void remove(const std::string& path) {
    files.erase(path);
    stamps.erase(path);
  }
  using MemFileSystem::list_markdown;
  std::vector<FileInfo> list_markdown(const IgnoreRules& ignore, DiagSink& d,
                                      std::vector<std::string>* attachments) override {
    auto out = MemFileSystem::list_markdown(ignore, d, attachments);
    for (auto& f : out) {
      f.mtime_ns = stamps[f.path].mtime;
      f.ctime_ns = stamps[f.path].ctime;
      f.inode = stamps[f.path].inode;
      f.device = stamps[f.path].device;
    }
    return out;
  }
  int reads = 0;
  std::set<std::string> unreadable;
  bool read(const std::string& path, std::string& out, std::string& error) override {
    ++reads;
    if (unreadable.count(path)) {
      error = "Permission denied";
      return false;
    }
    return MemFileSystem::read(path, out, error);
  }
};

// The in-memory twin of SqliteCache. `stored_ns` is set far after every mtime unless a test
// says otherwise, so entries are not "racy".
class MemCache : public IndexCache {
 public:
  std::map<std::string, CacheEntry> entries;
  std::int64_t stored_ns = 9'000'000'000'000'000'000;
  int updates = 0;

  std::size_t scans = 0;
  void scan(const std::function<void(CacheEntry&&)>& visit) override {
    ++scans;
    for (const auto& [path, e] : entries) visit(CacheEntry(e));
  }
  bool update(std::vector<CacheEntry>&& put, const std::vector<std::string>& remove) override {
    ++updates;
    for (auto& e : put) {
      e.stored_ns = stored_ns;
      entries[e.file.path] = std::move(e);
    }
    for (const auto& p : remove) entries.erase(p);
    return true;
  }
};

// MemCache that keeps a graph snapshot too, as SqliteCache does.
class SnapshotCache : public MemCache {
 public:
  std::vector<std::size_t> part_sizes;  ///< of the last graph written, in order (graph_codec.cpp's layout)

 public:
  std::string graph;
  bool has_graph = false;
  std::int64_t graph_stored_ns = 9'000'000'000'000'000'000;
  int graph_writes = 0;

  bool read_graph(const std::function<bool(const ByteSource&, std::int64_t)>& use) override {
    return has_graph && use(MemorySource(graph), graph_stored_ns);
  }
  bool write_graph(const std::vector<std::string>& parts) override {
    ++graph_writes;
    graph.clear();
    part_sizes.clear();
    for (const auto& p : parts) {
      graph += p;
      part_sizes.push_back(p.size());
    }
    has_graph = true;
    return true;
  }
};

std::string ref(const KnowledgeBase& kb, const NameRef& r) {
  const Record* t = kb.lookup(r.target);
  return r.text + "->" + (t ? (t->defined ? t->rid : "?" + t->name) : "-");
}

// Each body link of the record `rid` with what it names: "text->rid " (ref()).
std::string link_targets(const LoadResult& r, const std::string& rid) {
  std::string out;
  for (const NameRef& m : *r.kb.lookup_rid(rid)->mentions) out += ref(r.kb, m) + " ";
  return out;
}

// What a load without text, without minutes or actions, without any of them, of the actions
// only (kb actions, the weekly report) or of the links (kb graph) keeps.
constexpr RecordParts kNoText{.minutes = true, .actions = true, .text = false, .links = false};
constexpr RecordParts kNoOutcomes{.minutes = false, .actions = false, .text = true, .links = true};
constexpr RecordParts kOutline{.minutes = false, .actions = false, .text = false, .links = false};
constexpr RecordParts kActions{.minutes = false, .actions = true, .text = false, .links = false};
constexpr RecordParts kLinks{.minutes = true, .actions = true, .text = false, .links = true};

// A front-matter tree as written, with every value's location.
void dump_value(std::ostream& o, const Value& v) {
  o << '(' << static_cast<int>(v.kind) << ' ' << v.loc.path.str() << ':' << v.loc.line << ':' << v.loc.column << " '"
    << v.text << "'";
  for (const auto& [key, value] : v.entries) {
    o << ' ' << key << '=';
    dump_value(o, value);
  }
  for (const auto& item : v.items) {
    o << ' ';
    dump_value(o, item);
  }
  o << ')';
}

// Everything a command could see of a load, as text, so two loads can be compared whole
// (with only the `parts` given: what a load of only those keeps).
std::string dump(const LoadResult& r, RecordParts parts = {}) {
  const bool text = parts.text;
  std::ostringstream o;
  o << "files " << r.files << " skipped";
  for (const auto& s : r.skipped) o << ' ' << s;
  o << '\n';
  for (const auto& d : r.diags.all()) o << to_string(d) << '\n';
  const KnowledgeBase& kb = r.kb;
  for (const auto& rec : kb.records()) {
    o << rec.id.value << ' ' << to_string(rec.type) << ' ' << rec.defined << ' ' << rec.rid << " '" << rec.name << "'";
    if (rec.date) o << ' ' << to_string(*rec.date);
    if (!rec.series.empty()) o << " series=" << rec.series;
    if (parts.minutes) o << " summary='" << rec.minutes->summary << "'";
    if (text) {
      o << " body='" << rec.text->body << "' fields=";
      dump_value(o, rec.text->fields);
    }
    for (const auto& a : rec.aliases) o << " alias=" << a;
    for (const auto& t : rec.tags) o << " tag=" << t;
    for (const auto& x : rec.organizations) o << " org=" << ref(kb, x);
    for (const auto& a : rec.attendees)
      o << " att=" << ref(kb, a.person) << '@' << a.org.value << (a.org_given ? "!" : "") << '/' << a.role;
    if (parts.links)
      for (const auto& m : *rec.mentions) o << " link=" << ref(kb, m) << ':' << m.loc.line;
    if (parts.actions)
      for (const auto& a : *rec.actions)
        o << " action='" << a.text << "' done=" << a.done << " due=" << (a.due ? to_string(*a.due) : "-")
          << " owner=" << a.owner.value << " line=" << a.loc.line;
    if (parts.minutes)
      for (const auto& d : rec.minutes->decisions) o << " decision='" << d.text << "' line=" << d.loc.line;
    for (const auto& a : rec.entity->affiliations) o << " aff=" << ref(kb, a.org) << '/' << a.role;
    if (!rec.entity->parent.text.empty()) o << " parent=" << ref(kb, rec.entity->parent);
    o << " meetings=";
    for (NodeId m : kb.meetings_of(rec.id)) o << m.value << ',';
    o << " members=";
    for (NodeId m : kb.members_of(rec.id)) o << m.value << ',';
    o << " children=";
    for (NodeId m : kb.children_of(rec.id)) o << m.value << ',';
    o << '\n';
  }
  return o.str();
}

// Loads `fs` with a snapshot cache twice, from the notes (on one worker, so one string pool
// shares every equal text) and then from the snapshot (on `warm_threads`), and runs `check`
// on each load.
void check_cold_and_warm(StampedFs& fs, unsigned warm_threads, const std::function<void(const LoadResult&)>& check) {
  SnapshotCache cache;
  LoadOptions o;
  o.cache = &cache;
  o.threads = 1;
  auto cold = load_kb(fs, o);
  REQUIRE(cache.has_graph);
  check(cold);
  o.threads = warm_threads;
  fs.reads = 0;
  auto warm = load_kb(fs, o);
  CHECK(fs.reads == 1);  // kb.yaml only: from the snapshot
  check(warm);
}

void fill(StampedFs& fs) {
  fs.put("kb.yaml", "name: Load test\n");
  fs.put("orgs/unesco.md", "---\ntype: organization\nname: UNESCO\n---\n");
  fs.put("orgs/iesalc.md", "---\nname: UNESCO-IESALC\naliases: [IESALC]\nparent: UNESCO\n---\n");
  fs.put("people/pedro.md",
         "---\nname: Francesc Pedro\naliases: [Francesc Pedró]\naffiliations:\n  - org: IESALC\n    role: Director\n---\n");
  fs.put("people/ana.md", "---\nname: Ana Lopez\n---\nAna works on [[AI Framework]].\n");
  fs.put("topics/ai.md", "---\nname: AI Framework\n---\n");
  for (int i = 1; i <= 9; ++i) {
    std::string day = "2024-09-0" + std::to_string(i);
    fs.put("meetings/2024/" + day + "-m.md",
           "---\ntitle: Meeting " + std::to_string(i) + "\ndate: " + day +
               "\norganizations: [IESALC]\nattendees: [Mr. Francesc Pedro, Ana Lopez, Nobody Known]\ntopics: [AI Framework]\n---\n"
               "## Summary\nWe met [[Francesc Pedro|Francesc]].\n## Decisions\n- Go ahead\n## Actions\n"
               "- [ ] Send the agenda [[Ana Lopez]] due:2024-10-15\n- [x] Share it ✅ 2024-09-10\n- [ ] Bad date due:2024-13-01\n");
  }
  fs.put("meetings/2024/broken.md", "---\ntitle: Bad \xFF byte\n---\n");  // invalid UTF-8: skipped, never cached
  fs.put("notes/plain.md", "Just a note linking [[UNESCO]] and [[Missing Page]].\n");
}

}  // namespace

TEST_SUITE("model") {
  TEST_CASE("load: the result does not depend on the number of threads") {
    StampedFs fs;
    fill(fs);
    // Enough files that several threads really run (load uses at most files/64 threads, name
    // resolution one per 256 records), and names nothing defines met first in different runs:
    // their nodes are numbered as one thread numbers them.
    for (int i = 0; i < 300; ++i)
      fs.put("notes/n" + std::to_string(i) + ".md", "---\ntags: [x]\n---\nSee [[UNESCO]] and [[Ghost " + std::to_string(i % 7) + "]].\n");
    for (int i = 0; i < 600; ++i)
      fs.put("meetings/gen/m" + std::to_string(1000 + i) + ".md",
             "---\ntitle: Generated " + std::to_string(i) + "\ndate: 2024-10-01\norganizations: [IESALC, Late Org " +
                 std::to_string(i * i % 37) + "]\nattendees: [Ana Lopez, Person " + std::to_string(i / 40) +
                 "]\ntopics: [Topic " + std::to_string((600 - i) / 50) + "]\n---\n- [ ] Ask [[Ana Lopez]]\n");
    LoadOptions one;
    one.threads = 1;
    std::string base = dump(load_kb(fs, one));
    for (unsigned t : {2u, 3u, 8u}) {
      LoadOptions o;
      o.threads = t;
      CHECK(dump(load_kb(fs, o)) == base);
    }
  }

  TEST_CASE("load: a warm cache larger than the work queue, read on several threads, gives the same result") {
    StampedFs fs;
    fill(fs);
    // More cached files than the queue between the cache reader and the workers holds (256).
    for (int i = 0; i < 700; ++i)
      fs.put("notes/n" + std::to_string(i) + ".md", "---\ntags: [x]\n---\nSee [[UNESCO]] and [[Ghost " + std::to_string(i % 7) + "]].\n");
    LoadOptions one;
    one.threads = 1;
    std::string base = dump(load_kb(fs, one));
    MemCache cache;
    for (unsigned t : {1u, 2u, 8u}) {
      LoadOptions o;
      o.threads = t;
      o.cache = &cache;
      auto r = load_kb(fs, o);
      CHECK(dump(r) == base);
      if (t != 1u) CHECK(r.cache_hits == r.files - 1);  // all but the broken file
    }
  }

  TEST_CASE("load: fresh entries are stored as they come, never while the cache is being read") {
    // A cache that stores each entry when it is put, as SqliteCache does, and fails the test
    // if that happens while its scan runs (a store is used from one thread at a time).
    class StreamingCache : public MemCache {
     public:
      std::atomic<bool> scanning{false};
      std::atomic<int> puts_while_scanning{0};
      std::atomic<int> puts{0};
      void scan(const std::function<void(CacheEntry&&)>& visit) override {
        scanning = true;
        MemCache::scan(visit);
        scanning = false;
      }
      std::unique_ptr<CacheWrite> begin_write() override {
        struct Write : CacheWrite {
          StreamingCache& c;
          explicit Write(StreamingCache& cache) : c(cache) {}
          bool put(CacheEntry&& e) override {
            if (c.scanning) ++c.puts_while_scanning;
            ++c.puts;
            e.stored_ns = c.stored_ns;
            c.entries[e.file.path] = std::move(e);
            return true;
          }
          bool commit(const std::vector<std::string>& remove) override {
            for (const auto& p : remove) c.entries.erase(p);
            return true;
          }
        };
        return std::make_unique<Write>(*this);
      }
    };
    StampedFs fs;
    fill(fs);
    for (int i = 0; i < 700; ++i)
      fs.put("notes/n" + std::to_string(i) + ".md", "---\ntags: [x]\n---\nSee [[UNESCO]] and [[Ghost " + std::to_string(i % 7) + "]].\n");
    const std::string base = dump(load_kb(fs));
    for (unsigned t : {1u, 2u, 8u}) {
      INFO(t << " threads");
      StreamingCache cache;
      LoadOptions o;
      o.threads = t;
      o.cache = &cache;
      LoadResult first = load_kb(fs, o);
      CHECK(dump(first) == base);
      CHECK(first.cache_updated);
      CHECK(cache.puts == static_cast<int>(first.files) - 1);  // all but the broken file
      // Every entry corrupt: each is parsed again while the scan still runs, more of them than
      // the writer's queue holds; they are stored once the scan is over.
      for (auto& [path, e] : cache.entries) e.data[encoded_record_size(e.data) - 1] ^= 0x5A;  // the parse's
      cache.puts = 0;
      LoadResult again = load_kb(fs, o);
      CHECK(dump(again) == base);
      CHECK(again.cache_hits == 0);
      CHECK(cache.puts == static_cast<int>(again.files) - 1);
      CHECK(cache.puts_while_scanning == 0);
      CHECK(load_kb(fs, o).cache_hits == again.files - 1);  // stored whole and good
    }
  }

  TEST_CASE("load: progress is reported from the calling thread and ends at the total") {
    StampedFs fs;
    fill(fs);
    LoadOptions o;
    std::size_t last = 0, total = 0;
    o.progress = [&](std::size_t done, std::size_t all) {
      CHECK(done >= last);
      CHECK(done <= all);
      last = done;
      total = all;
    };
    auto r = load_kb(fs, o);
    // A quick load may finish before the first report; when one came, it counted files.
    if (total != 0) CHECK(total == r.files);
  }

  TEST_CASE("load: a warm cache gives the same result as parsing, without parsing") {
    StampedFs fs;
    fill(fs);
    std::string fresh = dump(load_kb(fs));
    MemCache cache;
    LoadOptions o;
    o.cache = &cache;
    auto cold = load_kb(fs, o);
    CHECK(dump(cold) == fresh);
    CHECK(cold.cache_hits == 0);
    CHECK(cold.cache_updated);
    // Every file that parsed is cached; the broken one is not (its error is reported afresh).
    CHECK(cache.entries.size() == cold.files - 1);
    CHECK(cache.entries.count("meetings/2024/broken.md") == 0);

    fs.reads = 0;
    auto warm = load_kb(fs, o);
    CHECK(dump(warm) == fresh);
    CHECK(warm.cache_hits == warm.files - 1);
    CHECK(fs.reads == 2);  // kb.yaml and the broken file

    SUBCASE("edit") {
      fs.put("meetings/2024/2024-09-03-m.md", "---\ntitle: Edited\ndate: 2024-09-03\norganizations: [UNESCO]\n---\nNew.\n");
      auto r = load_kb(fs, o);
      CHECK(r.cache_hits == r.files - 2);
      CHECK(dump(r) == dump(load_kb(fs)));
      CHECK(r.kb.lookup_rid("meetings/2024/2024-09-03-m")->name == "Edited");
      CHECK(load_kb(fs, o).cache_hits == r.files - 1);  // and now it is cached again
    }
    SUBCASE("touch without change") {
      fs.touch("people/ana.md");
      auto r = load_kb(fs, o);
      CHECK(r.cache_hits == r.files - 2);
      CHECK(dump(r) == fresh);
    }
    SUBCASE("rename") {
      fs.rename("people/ana.md", "people/ana-lopez.md");
      auto r = load_kb(fs, o);
      CHECK(r.kb.lookup_rid("people/ana") == nullptr);
      REQUIRE(r.kb.lookup_rid("people/ana-lopez") != nullptr);
      CHECK(dump(r) == dump(load_kb(fs)));
      CHECK(cache.entries.count("people/ana.md") == 0);
      CHECK(cache.entries.count("people/ana-lopez.md") == 1);
    }
    SUBCASE("delete") {
      fs.remove("people/pedro.md");
      auto r = load_kb(fs, o);
      CHECK(r.kb.lookup_rid("people/pedro") == nullptr);
      CHECK(dump(r) == dump(load_kb(fs)));
      CHECK(cache.entries.count("people/pedro.md") == 0);
    }
    SUBCASE("add") {
      fs.put("people/new.md", "---\nname: Nobody Known\n---\n");
      auto r = load_kb(fs, o);
      CHECK(r.cache_hits == r.files - 2);
      CHECK(dump(r) == dump(load_kb(fs)));
      CHECK(dump(r) != fresh);  // the unresolved attendee now resolves
    }
    SUBCASE("a note that stops reading as text loses its entry and is reported") {
      fs.put("people/ana.md", "---\nname: Ana \xFF\n---\n");
      auto r = load_kb(fs, o);
      CHECK(r.skipped.size() == 2);
      CHECK(dump(r) == dump(load_kb(fs)));
      CHECK(cache.entries.count("people/ana.md") == 0);
    }
    SUBCASE("issue 23: a note whose front matter stops parsing is a plain note, cached with its error") {
      fs.put("people/ana.md", "---\nname: [unclosed\n---\n");
      auto r = load_kb(fs, o);
      CHECK(r.skipped.size() == 1);
      CHECK(r.kb.lookup_rid("people/ana")->type == RecordType::note);
      CHECK(dump(r) == dump(load_kb(fs)));
      CHECK(cache.entries.count("people/ana.md") == 1);
      CHECK(dump(load_kb(fs, o)) == dump(load_kb(fs)));
    }
    SUBCASE("a corrupt entry is parsed again, never believed") {
      auto& e = cache.entries["people/ana.md"];
      e.data[encoded_record_size(e.data) / 2] ^= 0x20;  // in its parse
      auto r = load_kb(fs, o);
      CHECK(r.cache_hits == r.files - 2);
      CHECK(dump(r) == fresh);
    }
    SUBCASE("a corrupt typed part is typed again from the entry's parse, and stored again") {
      auto& e = cache.entries["people/pedro.md"];
      const std::size_t parse = encoded_record_size(e.data);
      REQUIRE(parse < e.data.size());
      e.data[(parse + e.data.size()) / 2] ^= 0x20;
      const std::string corrupt = e.data;
      auto r = load_kb(fs, o);
      CHECK(r.cache_hits == r.files - 1);  // the parse served
      CHECK(dump(r) == fresh);
      CHECK(cache.entries["people/pedro.md"].data != corrupt);
      CHECK(dump(load_kb(fs, o)) == fresh);
    }
    SUBCASE("an entry of another format version is parsed again") {
      auto& e = cache.entries["people/ana.md"];
      e.data[4] = static_cast<char>(kRecordFormatVersion + 7);
      auto r = load_kb(fs, o);
      CHECK(r.cache_hits == r.files - 2);
      CHECK(dump(r) == fresh);
    }
    SUBCASE("an entry stored under another path is not used") {
      cache.entries["people/ana.md"].data = cache.entries["people/pedro.md"].data;
      auto r = load_kb(fs, o);
      CHECK(dump(r) == fresh);
    }
  }

  TEST_CASE("issue 28: a whole load takes each note as typed from its entry, typed again when kb.yaml changes") {
    StampedFs fs;
    fill(fs);
    fs.put("notes/tasks.md", "---\ntags: [t]\nvisibility: internal\n---\n- [ ] Call [[Ana Lopez]] 📅 2024-10-01\n![[gone.png]]\n");
    MemCache cache;  // no snapshot: every load is a whole load, from the entries
    LoadOptions o;
    o.cache = &cache;
    const std::string meeting = "meetings/2024/2024-09-01-m.md";
    load_kb(fs, o);
    // The entry's parse is the note's; its typed part is another text's, typed under the same
    // kb.yaml: a load that takes the typed part shows the other title, and the text as written.
    StampedFs other;
    fill(other);
    other.put(meeting, "---\ntitle: Typed elsewhere\ndate: 2024-09-01\n---\nOther.\n");
    MemCache other_cache;
    LoadOptions oo;
    oo.cache = &other_cache;
    load_kb(other, oo);
    std::string& data = cache.entries[meeting].data;
    const std::string& typed = other_cache.entries[meeting].data;
    data = data.substr(0, encoded_record_size(data)) + typed.substr(encoded_record_size(typed));
    LoadOptions with_text = o;
    with_text.parts.text = true;
    fs.reads = 0;
    LoadResult r = load_kb(fs, with_text);
    CHECK(fs.reads == 2);  // kb.yaml and the broken file
    const Record* m = r.kb.lookup_rid("meetings/2024/2024-09-01-m");
    REQUIRE(m);
    CHECK(m->name == "Typed elsewhere");
    CHECK(m->text->body.find("We met") != std::string::npos);  // the parse's text
    // Another kb.yaml: every note is typed again from its parse, and its entry stored again.
    fs.put("kb.yaml", "name: Load test\n# changed\n");
    cache.updates = 0;
    r = load_kb(fs, o);
    CHECK(r.kb.lookup_rid("meetings/2024/2024-09-01-m")->name == "Meeting 1");
    CHECK(dump(r) == dump(load_kb(fs)));
    CHECK(r.cache_hits == r.files - 1);  // the parses served
    // Taken as typed again: the same graph, every part, as a load without cache gives.
    for (RecordParts parts : {RecordParts{}, kActions, kNoOutcomes, kOutline}) {
      LoadOptions a = o, b;
      a.parts = b.parts = parts;
      CHECK(dump(load_kb(fs, a), parts) == dump(load_kb(fs, b), parts));
    }
    // A load for an audience types the notes it reads itself, after leaving lines out.
    fs.put("kb.yaml", "name: Load test\nvisibility: [public, internal]\naudiences: {partners: public}\n");
    fs.put("meetings/2024/2024-09-02-m.md", "---\ntitle: Cut\ndate: 2024-09-02\n---\n## Actions\n"
                                            "- [ ] Shown [[Ana Lopez]]\n- [ ] Not for partners #internal\n");
    load_kb(fs, o);
    LoadOptions partners = o, plain;
    partners.audience = plain.audience = "partners";
    plain.parts = partners.parts = kLinks;
    const LoadResult seen = load_kb(fs, partners);
    CHECK(dump(seen, partners.parts) == dump(load_kb(fs, plain), partners.parts));
    CHECK(seen.kb.lookup_rid("notes/tasks") == nullptr);  // above the audience
    CHECK(seen.kb.lookup_rid("meetings/2024/2024-09-02-m")->actions->size() == 1);
    CHECK(seen.withheld_notes == 1);
    CHECK(seen.withheld_lines == 1);
  }

  TEST_CASE("load: a file changed within the timestamp tick of its cache entry is seen") {
    StampedFs fs;
    fill(fs);
    MemCache cache;
    LoadOptions o;
    o.cache = &cache;
    // Entries written at the moment the first file was modified: every file's mtime is at or
    // after that, so every entry is racy and checked against the content hash.
    cache.stored_ns = fs.stamps["kb.yaml"].mtime;
    load_kb(fs, o);
    // Same size, same mtime, same inode, different text: only the content hash can tell.
    std::string& text = fs.files["people/ana.md"];
    auto pos = text.find("Ana Lopez");
    REQUIRE(pos != std::string::npos);
    text.replace(pos, 9, "Ana Lopes");
    auto r = load_kb(fs, o);
    CHECK(r.kb.lookup_rid("people/ana")->name == "Ana Lopes");
    CHECK(dump(r) == dump(load_kb(fs)));
    // Unchanged racy files are still taken from the cache after their content is checked.
    CHECK(r.cache_hits == r.files - 2);
  }

  TEST_CASE("issue 24: a same-size edit with its mtime put back, or a note recreated on its inode, is seen") {
    StampedFs fs;
    fill(fs);
    SnapshotCache cache;
    LoadOptions o;
    o.cache = &cache;
    load_kb(fs, o);
    REQUIRE(cache.has_graph);
    const std::string path = "people/ana.md";
    std::string text = fs.files[path];
    const auto pos = text.find("Ana Lopez");
    REQUIRE(pos != std::string::npos);
    text.replace(pos, 9, "Ana Lopes");  // same size
    SUBCASE("mtime put back") { fs.put_keeping_mtime(path, text); }
    SUBCASE("deleted and recreated on the same inode, with the old mtime") {
      const auto old = fs.stamps[path];
      fs.remove(path);
      fs.put(path, text);
      fs.stamps[path].mtime = old.mtime;
      fs.stamps[path].inode = old.inode;
    }
    REQUIRE(fs.files[path].size() == text.size());
    const SnapshotCache before = cache;
    for (bool snapshot : {true, false}) {
      INFO("from the " << (snapshot ? "snapshot" : "entries"));
      cache = before;
      cache.has_graph = snapshot;
      auto r = load_kb(fs, o);
      CHECK(r.kb.lookup_rid("people/ana")->name == "Ana Lopes");
      CHECK(dump(r) == dump(load_kb(fs)));
    }
  }

  TEST_CASE("issue 28: each stamp alone tells that a note changed (a stamp left out is caught)") {
    // A same-size edit where every stamp but one is as it was: the file moved to another
    // device or inode (a note replaced by `mv` from elsewhere), or only its ctime or mtime
    // moved. A cache that ignored that one stamp would answer with the old text.
    StampedFs fs;
    fill(fs);
    SnapshotCache cache;
    LoadOptions o;
    o.cache = &cache;
    load_kb(fs, o);
    REQUIRE(cache.has_graph);
    const std::string path = "people/ana.md";
    std::string text = fs.files[path];
    const auto pos = text.find("Ana Lopez");
    REQUIRE(pos != std::string::npos);
    text.replace(pos, 9, "Ana Lopes");
    const StampedFs::Stamp old = fs.stamps[path];
    fs.files[path] = text;
    StampedFs::Stamp& now = fs.stamps[path];
    SUBCASE("inode") { now.inode = 9999; }
    SUBCASE("device") { now.device = 2; }
    SUBCASE("ctime") { now.ctime = old.ctime + 1; }
    SUBCASE("mtime") { now.mtime = old.mtime + 1; }
    const SnapshotCache before = cache;
    for (bool snapshot : {true, false}) {
      INFO("from the " << (snapshot ? "snapshot" : "entries"));
      cache = before;
      cache.has_graph = snapshot;
      auto r = load_kb(fs, o);
      CHECK(r.kb.lookup_rid("people/ana")->name == "Ana Lopes");
      CHECK(dump(r) == dump(load_kb(fs)));
    }
  }

  TEST_CASE("issue 28: a person added whose name is a root-level person's record id takes the name") {
    // "bob" in a meeting names bob.md by its record id while no person is called Bob; once
    // one is, the name wins. A patch that kept the meeting's attendee would differ.
    StampedFs fs;
    fill(fs);
    fs.put("bob.md", "---\ntype: person\nname: Robert Roe\n---\n");
    fs.put("meetings/2024/2024-10-01-r.md", "---\ntitle: R\ndate: 2024-10-01\nattendees: [bob]\n---\n");
    SnapshotCache cache;
    LoadOptions o;
    o.cache = &cache;
    const LoadResult before = load_kb(fs, o);
    REQUIRE(cache.has_graph);
    const Record* r = before.kb.lookup_rid("meetings/2024/2024-10-01-r");
    REQUIRE(r);
    REQUIRE(r->attendees.size() == 1);
    CHECK(before.kb.at(r->attendees[0].person.target).rid == "bob");
    fs.put("people/bob.md", "---\nname: Bob\n---\n");
    const int writes = cache.graph_writes;
    const LoadResult after = load_kb(fs, o);
    CHECK(cache.graph_writes == writes);  // patched: the meeting looked "bob" up as a name first
    r = after.kb.lookup_rid("meetings/2024/2024-10-01-r");
    CHECK(after.kb.at(r->attendees[0].person.target).rid == "people/bob");
    CHECK(dump(after) == dump(load_kb(fs)));
  }

  TEST_CASE("load: a graph snapshot gives the same result as loading, without reading a note") {
    StampedFs fs;
    fill(fs);
    const std::string fresh = dump(load_kb(fs));
    SnapshotCache cache;
    LoadOptions o;
    o.cache = &cache;
    auto cold = load_kb(fs, o);
    CHECK(dump(cold) == fresh);
    REQUIRE(cache.has_graph);
    const std::string written = cache.graph;

    fs.reads = 0;
    auto warm = load_kb(fs, o);
    CHECK(dump(warm) == fresh);
    CHECK(fs.reads == 1);  // kb.yaml only
    CHECK(warm.cache_hits == warm.files);
    CHECK(cache.graph_writes == 1);  // nothing changed, nothing written
    // Every member round-trips: the snapshot of the restored graph is the same bytes.
    std::vector<Diagnostic> no_diags;
    CHECK(encode_graph(1, {}, warm, no_diags, 1) == encode_graph(1, {}, cold, no_diags, 1));

    auto changed = [&](const char* what) {
      INFO(what);
      fs.reads = 0;
      auto r = load_kb(fs, o);
      CHECK(fs.reads > 1);  // not from the snapshot
      CHECK(dump(r) == dump(load_kb(fs)));
      // ... and the snapshot written now is used next time.
      fs.reads = 0;
      CHECK(dump(load_kb(fs, o)) == dump(r));
      CHECK(fs.reads == (fs.exists("kb.yaml") ? 1 : 0));
    };
    // A change patched into the snapshot: `notes` are read (the one changed, and those that
    // looked up what changed), the snapshot stays as it was.
    auto patched = [&](const char* what, int notes = 1) {
      INFO(what);
      fs.reads = 0;
      const int writes = cache.graph_writes;
      auto r = load_kb(fs, o);
      CHECK(fs.reads == 1 + notes);  // and kb.yaml
      CHECK(cache.graph_writes == writes);
      CHECK(dump(r) == dump(load_kb(fs)));
    };
    SUBCASE("edit") {
      // It named "Nobody Known" (no record) and names it no more: others still do.
      fs.put("meetings/2024/2024-09-03-m.md", "---\ntitle: Edited\ndate: 2024-09-03\norganizations: [UNESCO]\n---\nNew.\n");
      patched("edit");
    }
    SUBCASE("touch") {
      fs.touch("meetings/2024/2024-09-01-m.md");  // it names "Nobody Known", a name no record has
      patched("touch");
    }
    SUBCASE("rename") {
      fs.rename("people/ana.md", "people/ana-lopez.md");
      patched("rename", 10);  // and the nine meetings that name her
    }
    SUBCASE("delete") {
      fs.remove("people/pedro.md");
      patched("delete", 9);  // the nine meetings that name him
    }
    SUBCASE("add") {
      fs.put("people/new.md", "---\nname: Nobody Known\n---\n");
      patched("add", 10);  // and the nine meetings that named "Nobody Known", a name no record had
    }
    SUBCASE("kb.yaml edited: typing depends on it") {
      fs.put("kb.yaml", "name: Load test\nfields:\n  attendees: people\n");
      changed("kb.yaml");
    }
    SUBCASE("a snapshot written within the racy window is not used") {
      cache.graph_stored_ns = fs.clock;  // as if written in the same tick as the last edit
      fs.reads = 0;
      CHECK(dump(load_kb(fs, o)) == fresh);
      CHECK(fs.reads > 1);
    }
    SUBCASE("a damaged snapshot is never believed") {
      // A note touched each time, so that the part a patch reads is read too.
      for (std::size_t at = 0; at < written.size(); at += std::max<std::size_t>(1, written.size() / 97)) {
        INFO("byte " << at);
        cache.graph = written;
        cache.graph[at] = static_cast<char>(cache.graph[at] ^ 0x5A);
        fs.touch("notes/plain.md");
        fs.reads = 0;
        CHECK(dump(load_kb(fs, o)) == fresh);
        CHECK(fs.reads > 2);
      }
      for (std::size_t size : {std::size_t{0}, std::size_t{5}, std::size_t{31}, written.size() / 2, written.size() - 1}) {
        INFO("cut to " << size);
        cache.graph = written.substr(0, size);
        fs.reads = 0;
        CHECK(dump(load_kb(fs, o)) == fresh);
        CHECK(fs.reads > 1);
      }
    }
  }

  TEST_CASE("load: a few edited meetings are patched into the snapshot, exactly as a whole load gives them") {
    StampedFs fs;
    fill(fs);
    // Meetings that name only records (the fixture's own name "Nobody Known", who has none).
    const std::string clean_a = "meetings/2024/2024-09-20-a.md", clean_b = "meetings/2024/2024-09-21-b.md";
    fs.put(clean_a, "---\ntitle: Clean A\ndate: 2024-09-20\norganizations: [IESALC]\nattendees: [Ana Lopez]\n---\n"
                    "## Actions\n- [ ] Call [[Ana Lopez]] due:2024-10-01\n");
    fs.put(clean_b, "---\ntitle: Clean B\ndate: 2024-09-21\ntopics: [AI Framework]\n---\nSee [[UNESCO]].\n");
    SnapshotCache cache;
    LoadOptions o;
    o.cache = &cache;
    load_kb(fs, o);
    REQUIRE(cache.graph_writes == 1);

    // Loads with the cache and checks it against a load without; `patched`: from the snapshot
    // and the edited notes alone (kb.yaml and `notes` read), else from a whole load.
    // `distinct`: how many notes were read, when one was read twice.
    auto check = [&](bool patched, int notes = 1, int distinct = -1) {
      fs.reads = 0;
      const int writes = cache.graph_writes;
      auto r = load_kb(fs, o);
      if (patched) {
        CHECK(fs.reads == 1 + notes);
        CHECK(cache.graph_writes == writes);
        CHECK(r.cache_hits == r.files - static_cast<std::size_t>(distinct < 0 ? notes : distinct));
      } else {
        CHECK(fs.reads > 1 + notes);
        CHECK(cache.graph_writes == writes + 1);
      }
      const LoadResult whole = load_kb(fs);
      CHECK(dump(r) == dump(whole));
      // Every member and index too: the snapshots of both graphs are the same bytes.
      std::vector<Diagnostic> no_diags;
      CHECK(encode_graph(1, {}, r, no_diags, 1) == encode_graph(1, {}, whole, no_diags, 1));
      for (RecordParts parts : {kNoText, kNoOutcomes, kOutline, kActions}) {
        LoadOptions bare = o, plain;
        bare.parts = plain.parts = parts;
        CHECK(dump(load_kb(fs, bare), parts) == dump(load_kb(fs, plain), parts));
      }
    };
    SUBCASE("the body, attendees, organizations, topics, actions and the date change") {
      fs.put(clean_a, "---\ntitle: Clean A\ndate: 2024-09-01\norganizations: [UNESCO, IESALC]\n"
                      "attendees: [Francesc Pedró, {name: Ana Lopez, org: UNESCO, role: Guest}]\ntopics: [AI Framework]\n---\n"
                      "Met [[Francesc Pedro]], [[Nobody Known]] and [[Missing Page]].\n## Actions\n- [x] Call [[Francesc Pedro]] ✅ 2024-09-02\n"
                      "- [ ] Bad date due:2024-13-01\n");
      check(true);
      // A second edit on top: both notes are patched in, the snapshot still as it was.
      fs.put(clean_b, "---\ntitle: Clean B\ndate: 2024-08-30\nevent: \ntopics: []\n---\nNo links.\n");
      check(true, 2);
      // ... and undone: the graph is the stored one again.
      fs.put(clean_a, "---\ntitle: Clean A\ndate: 2024-09-20\norganizations: [IESALC]\nattendees: [Ana Lopez]\n---\n");
      check(true, 2);
    }
    SUBCASE("an ambiguous name is an error at its place, as in a whole load") {
      fs.put("people/ana2.md", "---\nname: Ana Lopez\n---\n");
      check(true, 12);  // with the notes that name Ana Lopez: nine meetings, clean_a, and Ana (a shared name)
      fs.put(clean_b, "---\ntitle: Clean B\ndate: 2024-09-21\nattendees: [Ana Lopez]\n---\n");
      check(true, 13);
    }
    SUBCASE("a plain note") {
      fs.put("notes/plain.md", "Now linking [[AI Framework]] only.\n");
      check(true);
    }
    SUBCASE("a name no record has: patched, its node put where a whole load numbers it") {
      // Each step alone (a snapshot written after each): a note that changed alone is patched.
      auto rebase = [&] {
        cache.has_graph = false;
        load_kb(fs, o);
      };
      fs.put(clean_a, "---\ntitle: Clean A\ndate: 2024-09-20\norganizations: [Nowhere Inc]\ntopics: [Zeta, alpha]\n---\n");
      check(true);
      rebase();
      // Named again, spelled another way: the first note (in path order) gives the name.
      fs.put(clean_b, "---\ntitle: Clean B\ndate: 2024-09-21\ntopics: [ZETA, Beta]\n---\n");
      check(true);
      rebase();
      fs.put(clean_a, "---\ntitle: Clean A\ndate: 2024-09-20\n---\n");  // now clean_b names Zeta first
      check(true);
      rebase();
      fs.put(clean_b, "---\ntitle: Clean B\ndate: 2024-09-21\n---\n");  // and nothing does
      check(true);
      // Two notes changed at once.
      fs.put(clean_a, "---\ntitle: Clean A\ndate: 2024-09-20\ntopics: [Gamma]\n---\n");
      check(true, 2);
    }
    SUBCASE("a new name with a note added at once whose action's link names it: it owns the action") {
      fs.put("meetings/2024/2024-09-25-c.md", "---\ntitle: C\ndate: 2024-09-25\n---\n## Actions\n- [ ] Draft [[Ghost Writer]]\n");
      fs.put(clean_a, "---\ntitle: Clean A\ndate: 2024-09-20\nattendees: [Ghost Writer]\n---\n");
      check(true, 2);
    }
    SUBCASE("a meeting that named a name no record has: patched, the node stays while others name it") {
      fs.put("meetings/2024/2024-09-01-m.md", "---\ntitle: Meeting 1\ndate: 2024-09-01\n---\n");
      check(true);
    }
    SUBCASE("an unknown person an action's link names: the node comes and goes, and owns the action while there") {
      fs.put(clean_b, "---\ntitle: Clean B\ndate: 2024-09-21\nattendees: [Ghost Writer]\n---\n"
                      "## Actions\n- [ ] Draft [[Ghost Writer]]\n");
      check(true);  // its own action: resolved with it
      cache.has_graph = false;
      load_kb(fs, o);  // a snapshot that has the link
      // The attendee goes, the action stays: the node goes, and the action's owner is looked up
      // again (the note read a second time).
      fs.put(clean_b, "---\ntitle: Clean B\ndate: 2024-09-21\n---\n## Actions\n- [ ] Draft [[Ghost Writer]]\n");
      check(true, 2, 1);
      // Another meeting names him: the node stays and owns the action.
      fs.put(clean_a, "---\ntitle: Clean A\ndate: 2024-09-20\nattendees: [Ghost Writer]\n---\n");
      check(true, 2);
      // Only a meeting added names him: the action that was his before the snapshot is his again.
      fs.put(clean_a, "---\ntitle: Clean A\ndate: 2024-09-20\n---\n");
      cache.has_graph = false;
      load_kb(fs, o);
      fs.put("meetings/2024/2024-09-26-g.md", "---\ntitle: G\ndate: 2024-09-26\nattendees: [Ghost Writer]\n---\n");
      check(true, 2);  // the new meeting, and clean_b whose action's owner comes back
    }
    SUBCASE("a retitled meeting: patched with the notes whose wikilinks have its old or new title") {
      fs.put(clean_b, "---\ntitle: Clean C\ndate: 2024-09-21\n---\n");
      check(true);
      // [[Missing Page]] in notes/plain.md names it now.
      fs.put(clean_b, "---\ntitle: Missing Page\ndate: 2024-09-21\n---\n");
      check(true, 2);
      fs.put(clean_b, "---\ntitle: Clean D\ndate: 2024-09-21\n---\n");
      check(true);
      fs.put(clean_b, "---\ntitle: Clean E\naliases: [Clean B]\ndate: 2024-09-21\n---\n");
      check(true);
    }
    SUBCASE("a retitle with a note added at once that links the new title") {
      fs.put("notes/linker.md", "See [[Clean Q]].\n");
      fs.put(clean_b, "---\ntitle: Clean Q\ndate: 2024-09-21\n---\n");
      check(true, 2);
    }
    SUBCASE("a retitled person: patched with every note that names the old or new name") {
      fs.put("people/ana.md", "---\nname: Ana Lopes\n---\n");
      check(true, 11);  // the nine meetings and clean_a name Ana Lopez, now a name no record has
      fs.put("people/ana.md", "---\nname: Ana Lopes\naliases: [Ana Lopez]\n---\n");
      check(true, 11);
    }
    SUBCASE("a person's affiliations: the organization and role of each meeting attended move too") {
      // Ana attends clean_a (2024-09-20) and the fixture's meetings of 1-9 September.
      fs.put("people/ana.md", "---\nname: Ana Lopez\naffiliations:\n  - org: UNESCO\n    role: Adviser\n"
                              "    since: 2024-09-05\n---\nWorks with [[Francesc Pedro]].\n");
      check(true);
      fs.put("people/ana.md", "---\nname: Ana Lopez\nhonorific: Dr.\naffiliations:\n  - org: IESALC\n    until: 2024-09-03\n"
                              "  - org: UNESCO\n    role: Chief\n---\n");
      check(true);
      fs.put("people/ana.md", "---\nname: Ana Lopez\n---\n");  // back to none
      check(true);
      // Pedro too, with a meeting that gives his organization and one that gives his role.
      fs.put(clean_b, "---\ntitle: Clean B\ndate: 2024-09-21\nattendees:\n  - name: Francesc Pedro\n    org: UNESCO\n"
                      "  - name: Ana Lopez\n    role: Host\n---\n");
      fs.put("people/pedro.md", "---\nname: Francesc Pedro\naliases: [Francesc Pedró]\naffiliations:\n"
                                "  - org: UNESCO\n    role: ADG\n---\n");
      check(true, 3);  // Ana's note is still patched in too
    }
    SUBCASE("two people of one name: which one 'NAME (ORGANIZATION)' is follows their affiliations") {
      auto rebase = [&] {
        cache.has_graph = false;
        load_kb(fs, o);
      };
      fs.put("people/zhang-un.md", "---\nname: Zhang Wei\naffiliations:\n  - org: UNESCO\n---\n");
      fs.put("people/zhang-wb.md", "---\nname: Zhang Wei\naffiliations:\n  - org: World Bank\n---\n");
      fs.put(clean_b, "---\ntitle: Clean B\ndate: 2024-09-21\nattendees: [Zhang Wei (UNESCO)]\n---\n");
      rebase();
      fs.put("people/zhang-un.md", "---\nname: Zhang Wei\naffiliations:\n  - org: IESALC\n---\n");
      check(true, 2);  // clean_b names neither now
      rebase();
      fs.put("people/zhang-wb.md", "---\nname: Zhang Wei\naffiliations:\n  - org: UNESCO\n---\n");
      check(true, 3, 2);  // ... and then the other (clean_b twice: once more after the unresolved node went)
    }
    SUBCASE("a link found by file name, and an action's owner found by name, follow the notes they find") {
      auto rebase = [&] {
        cache.has_graph = false;
        load_kb(fs, o);
      };
      // [[Ana Lopez]] names the note "notes/ana lopez.md" by its file name; the action's owner
      // is still the person of that name.
      fs.put("notes/ana lopez.md", "---\ntitle: About Ana\n---\n");
      fs.put(clean_b, "---\ntitle: Clean B\ndate: 2024-09-21\n---\n## Actions\n- [ ] Call [[Ana Lopez]]\n");
      rebase();
      fs.put("people/ana.md", "---\nname: Ana M. Lopez\n---\n");
      check(true, 12);  // the nine meetings, clean_a and clean_b (no owner now)
      rebase();
      fs.remove("notes/ana lopez.md");
      check(true, 11);  // every note whose [[Ana Lopez]] named it: the meetings, clean_a and clean_b
    }
    SUBCASE("an organization's parent and a topic's: the sub-organization lists move") {
      fs.put("orgs/iesalc.md", "---\nname: UNESCO-IESALC\naliases: [IESALC]\nkind: institute\n---\n");
      check(true);
      fs.put("orgs/iesalc.md", "---\nname: UNESCO-IESALC\naliases: [IESALC]\nparent: UNESCO\n---\n");
      check(true);
    }
    SUBCASE("a person with a name another shares, renamed, or naming an unknown organization") {
      auto rebase = [&] {
        cache.has_graph = false;
        load_kb(fs, o);
      };
      fs.put("people/ana.md", "---\nname: Ana Lopez\naliases: [Francesc Pedro]\n---\n");
      check(true, 12);  // the meetings and clean_a, and Francesc Pedro (who shares the name now)
      rebase();
      fs.put("people/ana.md", "---\nname: Ana Lopez\nhonorific: Ms.\n---\n");
      check(true, 12);  // the shared name was hers: the error goes with it
      rebase();
      fs.put("people/ana.md", "---\nname: Ana M. Lopez\n---\n");
      check(true, 11);
      rebase();
      fs.put("people/ana.md", "---\nname: Ana M. Lopez\naffiliations:\n  - org: Nowhere Inc\n---\n");
      check(true);  // an organization no record has: its node is made
    }
    SUBCASE("a meeting whose front matter stops parsing (a plain note now), a broken note that reads again, a new type") {
      fs.put(clean_a, "---\ntitle: [unclosed\n---\n");
      check(true);
      fs.put("meetings/2024/broken.md", "---\ntitle: Fixed\ndate: 2024-09-25\n---\n");
      check(true, 2);
      fs.put(clean_b, "---\ntype: topic\nname: Clean B\n---\n");
      check(true, 3);
    }
    SUBCASE("a meeting or plain note added or removed is put in or taken out, every later node moving") {
      fs.put("meetings/2024/2024-09-22-c.md", "---\ntitle: Clean C\ndate: 2024-09-22\norganizations: [UNESCO]\n"
                                              "attendees: [Ana Lopez]\n---\nSee [[UNESCO]] and [[Clean C]].\n");
      check(true);
      // The snapshot is not written back after a patch: each load patches in every note that
      // differs from it (here the added one, read again, and the removed one).
      fs.remove(clean_b);
      check(true, 1);
      // First in path order: every node, unresolved ones too, moves up by one.
      fs.put("a-first.md", "---\ntitle: First\n---\nA plain note on [[IESALC]].\n");
      check(true, 2);
      fs.remove("a-first.md");
      fs.put("meetings/2024/2024-09-23-d.md", "---\ntitle: Clean D\ndate: 2024-09-01\ntopics: [AI Framework]\n---\n");
      check(true, 2);
    }
    SUBCASE("a note that does not read, added or removed, joins or leaves the skipped files") {
      fs.put("meetings/2024/2024-09-24-bad.md", "---\ntitle: Bad \xFF\n---\n");
      check(true);
      fs.remove("meetings/2024/2024-09-24-bad.md");
      check(true, 0);
      fs.remove("meetings/2024/broken.md");  // the fixture's own broken note
      check(true, 0);
    }
    SUBCASE("notes added or removed that a wikilink names, or that name a name no record has") {
      // Each load patches every note that differs from the snapshot (written once, above).
      fs.put("notes/links.md", "---\ntitle: Links\n---\nOn [[Clean E]] and [[meetings/2024/2024-09-20-a]].\n");
      fs.put("meetings/2024/2024-09-24-g.md", "---\ntitle: Clean G\ndate: 2024-09-24\nattendees: [Someone Else]\n---\n");
      check(true, 2);  // a new unresolved name
      fs.put("meetings/2024/2024-09-25-e.md", "---\ntitle: Clean E\ndate: 2024-09-25\n---\n");
      check(true, 3);  // [[Clean E]] resolves now
      fs.remove(clean_a);
      check(true, 3);  // linked by its path
      fs.put("meetings/2024/2024-09-26-f.md", "---\ntitle: Clean F\ndate: 2024-09-26\nattendees: [Someone New]\n---\n");
      check(true, 4);  // a new unresolved name
      fs.remove("meetings/2024/2024-09-01-m.md");  // it named "Nobody Known", whom no record defines
      check(true, 4);
    }
    SUBCASE("a person, organization, topic or event added or removed when nothing names it") {
      fs.put("people/new-person.md", "---\nname: New Person\naliases: [N. Person]\naffiliations:\n  - org: IESALC\n    role: Adviser\n---\n");
      check(true);  // in IESALC's members
      fs.put("orgs/new-org.md", "---\nname: New Org\nparent: UNESCO\n---\n");
      fs.put("topics/new-topic.md", "---\nname: New Topic\nparent: AI Framework\n---\n");
      check(true, 3);  // in UNESCO's sub-organizations, the topic's sub-topics
      // One that nothing names, in a snapshot, then removed.
      fs.put("meetings/2024/2024-09-24-g.md", "---\ntitle: Clean G\ndate: 2024-09-24\nattendees: [Someone Else]\n---\n");
      check(true, 4);
      cache.has_graph = false;
      load_kb(fs, o);
      fs.remove("people/new-person.md");
      fs.remove("orgs/new-org.md");
      check(true, 0);
    }
    SUBCASE("a person, organization, topic or event that something names, or that shares a name") {
      auto rebase = [&] {
        cache.has_graph = false;
        load_kb(fs, o);
      };
      fs.put("people/nobody.md", "---\nname: Nobody Known\n---\n");  // the nine meetings name them
      check(true, 10);
      rebase();
      fs.remove("people/ana.md");  // attends the nine meetings and clean_a
      check(true, 10);
      rebase();
      fs.put("people/solo.md", "---\nname: Solo Person\n---\n");
      fs.put("meetings/2024/2024-09-28-s.md", "---\ntitle: Solo\ndate: 2024-09-28\nattendees: [Solo Person]\n---\n");
      check(true, 2);  // a meeting may name a person added with it
      rebase();
      fs.remove("people/solo.md");  // attends a meeting, linked from no body
      check(true, 1);
      rebase();
      fs.put("people/p1.md", "---\nname: Twin\n---\n");
      fs.put("people/p2.md", "---\nname: Twin\n---\n");
      check(true, 2);  // a duplicate name: a warning at the second
      rebase();
      fs.remove("people/p1.md");  // ... which moves to none
      check(true, 1);
      fs.put("orgs/second-unesco.md", "---\nname: Second\naliases: [UNESCO]\n---\n");
      // UNESCO (shares the name), IESALC (its parent), and p2 (p1 is gone); clean_b and
      // plain.md link [[UNESCO]], which names orgs/unesco.md by its file name first.
      check(true, 4);
    }
    SUBCASE("several notes added and deleted at once, anywhere in path order") {
      for (const char* path : {"a-1.md", "meetings/2024/2024-09-19-x.md", "meetings/2024/2024-09-20-b.md", "notes/n.md", "z-9.md"})
        fs.put(path, std::string("---\ntitle: Added ") + path + "\ndate: 2024-09-19\norganizations: [IESALC]\n---\nOn [[UNESCO]].\n");
      fs.remove(clean_b);
      fs.remove("meetings/2024/broken.md");
      check(true, 5);
    }
    SUBCASE("notes added together may link each other, whatever their order") {
      fs.put("meetings/2024/2024-09-27-a.md", "---\ntitle: Early\ndate: 2024-09-27\n---\nBefore [[Late Title]].\n");
      fs.put("notes/z-late.md", "---\ntitle: Late Title\n---\nAfter [[Early]].\n");
      check(true, 2);
    }
    SUBCASE("more edited notes than a patch takes: a whole load") {
      for (int i = 0; i < 70; ++i)
        fs.put("meetings/2024/bulk-" + std::to_string(i) + ".md", "---\ntitle: Bulk " + std::to_string(i) + "\n---\n");
      load_kb(fs, o);
      for (int i = 0; i < 70; ++i)
        fs.put("meetings/2024/bulk-" + std::to_string(i) + ".md", "---\ntitle: Bulk " + std::to_string(i) + "\n---\nEdited.\n");
      check(false, 70);
    }
    SUBCASE("an edited note in the racy window of the snapshot is read anyway; an unchanged one makes a whole load") {
      const std::int64_t last_unchanged = fs.stamps[clean_b].mtime;
      fs.put(clean_a, "---\ntitle: Clean A\ndate: 2024-09-20\n---\nEdited.\n");
      cache.graph_stored_ns = last_unchanged + 3'500'000'000;  // only the edited note is in the window
      check(true);
      cache.graph_stored_ns = fs.clock;  // clean_b too
      check(false);
    }
  }

  TEST_CASE("load: random edits, patched or not, always give what a load without cache gives") {
    StampedFs fs;
    fill(fs);
    std::vector<std::string> paths;
    for (int i = 0; i < 6; ++i) {
      paths.push_back("meetings/2024/2024-10-0" + std::to_string(i + 1) + "-r.md");
      fs.put(paths.back(), "---\ntitle: Random " + std::to_string(i) + "\ndate: 2024-10-01\n---\n");
    }
    SnapshotCache cache;
    LoadOptions o;
    o.cache = &cache;
    load_kb(fs, o);
    // Fixed: the same edits on every run. KB_RANDOM_SEED and KB_RANDOM_STEPS try others by hand
    // (e.g. KB_RANDOM_SEED=7 KB_RANDOM_STEPS=2000 build/kb_unit_tests -tc='*random edits*').
    const char* seed_env = std::getenv("KB_RANDOM_SEED");
    const char* steps_env = std::getenv("KB_RANDOM_STEPS");
    std::mt19937 rng(seed_env ? static_cast<unsigned>(std::stoul(seed_env)) : 20241001u);
    const int steps = steps_env ? std::stoi(steps_env) : 120;
    auto pick = [&](const std::vector<std::string>& from) { return from[rng() % from.size()]; };
    // Some of `from`, and now and then a name no record has (which no patch takes).
    auto some = [&](const std::vector<std::string>& from, const std::string& unknown) {
      std::string out;
      for (const auto& x : from)
        if (rng() % 3 == 0) out += (out.empty() ? "" : ", ") + x;
      if (rng() % 8 == 0) out += (out.empty() ? "" : ", ") + unknown;
      return "[" + out + "]";
    };
    const std::vector<std::string> orgs{"UNESCO", "IESALC", "UNESCO-IESALC", "orgs/unesco"};
    // Names by record id (and one that is no record id in that letter case) and by organization.
    const std::vector<std::string> people{"Ana Lopez", "Francesc Pedro", "Mr. Francesc Pedró", "Extra Person",
                                          "{name: Ana Lopez, org: UNESCO, role: Guest}",
                                          "{name: Francesc Pedro, role: Chair}", "people/ana", "People/Ana",
                                          "Zhang Wei (UNESCO)"};
    // File names too: of several notes (z-extra), partial paths, any letter case.
    const std::vector<std::string> links{"[[UNESCO]]",      "[[Ana Lopez]]",     "[[Missing Page]]", "[[Random 1]]",
                                         "[[orgs/iesalc]]", "[[Nobody Known]]",  "[[Extra 1]]",      "[[a-extra]]",
                                         "[[z-extra]]",     "[[2024-10-02-R]]",  "[[2024/2024-10-05-x]]",
                                         "[[PLAIN]]"};
    int patched = 0, whole = 0;
    for (int step = 0; step < steps; ++step) {
      const std::string path = pick(paths);
      const int n = std::stoi(path.substr(22, 1)) - 1;
      const std::string title = rng() % 10 == 0 ? "Renamed " + std::to_string(step) : "Random " + std::to_string(n);
      std::string note = "---\ntitle: " + title + "\ndate: 2024-" + (rng() % 2 ? "09" : "10") + "-1" +
                         std::to_string(rng() % 10) +
                         (step % 3 == 2 ? "" : "\nseries: Call " + std::to_string(step % 2)) +
                         "\norganizations: " + some(orgs, "Nowhere Inc") +
                         "\nattendees: " + some(people, rng() % 2 ? "Nobody Known" : "{name: Ana Lopez, org: Nowhere Inc}") +
                         "\ntopics: " + (rng() % 2 ? "[AI Framework]" : "[]") + "\n---\n## Summary\nSee " + pick(links) +
                         " and " + pick(links) + ".\n## Actions\n- [ ] Write " + pick(links) + " due:2024-1" +
                         std::to_string(rng() % 4) + "-01\n";
      // Front matter that does not parse: a plain note, whose links and tasks still count (issue 23).
      if (rng() % 15 == 0) note = "---\ntitle: [broken\n---\nSee " + pick(links) + ".\n- [ ] Ask " + pick(links) + "\n";
      if (rng() % 12 == 0 && fs.files.count(path)) fs.remove(path);  // put back by a later step
      else fs.put(path, note);
      if (rng() % 4 == 0) {  // an extra note added or removed: first, among the meetings or last in path order
        const std::vector<std::string> extras{"a-extra.md", "meetings/2024/2024-10-05-x.md", "notes/z-extra.md",
                                              "people/z-extra.md", "orgs/z-extra.md"};
        const std::string extra = pick(extras);
        if (fs.files.count(extra)) {
          fs.remove(extra);
        } else if (extra[0] == 'p') {  // a person, maybe with a name a meeting writes
          fs.put(extra, "---\nname: " + std::string(rng() % 4 ? "Extra Person" : "Nobody Known") + "\naffiliations:\n  - org: " +
                            pick(orgs) + "\n---\n");
        } else if (extra[0] == 'o') {  // an organization, maybe under another
          fs.put(extra, "---\nname: Extra Org\n" + std::string(rng() % 2 ? "parent: UNESCO\n" : "") + "---\n");
        } else {
          const std::string kind = extra[0] == 'm' ? "date: 2024-10-05\norganizations: " + some(orgs, "Nowhere Inc") + "\n" : "";
          fs.put(extra, "---\ntitle: Extra " + std::to_string(rng() % 3) + "\n" + kind + "---\nOn " + pick(links) + ".\n" +
                            (rng() % 2 ? "- [ ] Ask " + pick(links) + "\n" : ""));  // a task outside meetings too
        }
      }
      if (rng() % 4 == 0) {  // a person's affiliations, on dates around the meetings'
        // Now and then renamed: every note that names her is done again.
        std::string person = std::string("---\nname: ") + (rng() % 6 == 0 ? "Ana M. Lopez" : "Ana Lopez") + "\naffiliations:\n";
        for (int k = 0, n = static_cast<int>(rng() % 3); k < n; ++k)
          person += "  - org: " + pick(orgs) + "\n    role: R" + std::to_string(rng() % 3) + "\n    " +
                    (rng() % 2 ? "since" : "until") + ": 2024-" + (rng() % 2 ? "09" : "10") + "-15\n";
        if (rng() % 10 == 0) person += "  - org: Nowhere Inc\n";
        fs.put("people/ana.md", person + "---\n" + (rng() % 3 == 0 ? "- [ ] Ring " + pick(links) + "\n" : ""));
      }
      if (rng() % 10 == 0)
        fs.put("orgs/iesalc.md", std::string("---\nname: UNESCO-IESALC\n") + (rng() % 3 ? "aliases: [IESALC]\n" : "") +
                                     (rng() % 2 ? "parent: UNESCO\n" : "") + "---\n");
      if (rng() % 25 == 0) fs.touch("meetings/2024/2024-09-01-m.md");
      if (rng() % 6 == 0)  // two people of one name: which is 'Zhang Wei (UNESCO)'
        fs.put(rng() % 2 ? "people/zhang-un.md" : "people/zhang-wb.md",
               std::string("---\nname: Zhang Wei\naffiliations:\n  - org: ") + (rng() % 2 ? "UNESCO" : "World Bank") + "\n---\n");
      INFO("step " << step << ": " << path << "\n" << note << "\nAna: " << fs.files["people/ana.md"]);
      const int writes = cache.graph_writes;
      auto r = load_kb(fs, o);
      (cache.graph_writes == writes ? patched : whole) += 1;
      const LoadResult fresh = load_kb(fs);
      REQUIRE(dump(r) == dump(fresh));
      std::vector<Diagnostic> no_diags;
      REQUIRE(encode_graph(1, {}, r, no_diags, 1) == encode_graph(1, {}, fresh, no_diags, 1));
      for (RecordParts parts : {kNoText, kOutline}) {
        LoadOptions bare = o, plain;
        bare.parts = plain.parts = parts;
        REQUIRE(dump(load_kb(fs, bare), parts) == dump(load_kb(fs, plain), parts));
      }
    }
    // Every edit of these is patched (a whole load gives what a load without cache gives anyway).
    MESSAGE("patched " << patched << ", whole " << whole);
    CHECK(patched == steps);
  }

  TEST_CASE("load: a wikilink names a note by its file name first, as Obsidian finds it") {
    test::MemFileSystem fs;
    fs.add("Literature/note-a.md", "---\ntitle: A Study of Things\n---\n");
    fs.add("a/b/c.md", "Deep.\n");
    fs.add("x/c.md", "Other c.\n");
    fs.add("c.md", "Top c.\n");
    fs.add("Projects/Alpha.md", "Alpha.\n");
    fs.add("people/ada.md", "---\nname: note-b\n---\n");
    fs.add("notes/note-b.md", "Its file name is a person's name.\n");
    fs.add("x/from.md",
           "[[note-a]] [[A Study of Things]] [[b/c]] [[c]] [[alpha]] [[projects/ALPHA.md]] [[note-b]] [[../c]]\n");
    fs.add("y/from.md", "[[c]] [[./c]] [[a/b/c]]\n");
    const LoadResult r = load_kb(fs);
    auto targets = [&](const std::string& rid) { return link_targets(r, rid); };
    CHECK(targets("x/from") ==
          "note-a->Literature/note-a A Study of Things->Literature/note-a b/c->a/b/c c->x/c alpha->Projects/Alpha "
          "projects/ALPHA.md->Projects/Alpha note-b->notes/note-b ../c->c ");
    // Not in the linking note's folder: the shortest path; a relative path that names nothing.
    CHECK(targets("y/from") == "c->c ./c->- a/b/c->a/b/c ");
    CHECK(to_string(r.diags.all().back()) == "y/from.md:1:7: warning: unresolved link '[[./c]]'");
    CHECK(r.diags.all().size() == 1);
  }

  TEST_CASE("issue 23: an embed of a file the KB lacks is a warning, and the files are looked at every run") {
    StampedFs fs;
    fs.put("notes/a.md", "![[pic.png]] ![[img/Chart.PNG|300]] ![[./local.pdf]] ![[gone.png]]\n");
    fs.put("assets/pic.png", "png");
    fs.put("img/chart.png", "png");
    fs.put("notes/local.pdf", "pdf");
    auto warnings = [](const LoadResult& r) {
      std::string out;
      for (const auto& d : r.diags.all()) out += to_string(d) + "\n";
      return out;
    };
    const std::string gone = "notes/a.md:1:54: warning: missing embed '![[gone.png]]' (no file of that name)\n";
    CHECK(warnings(load_kb(fs)) == gone);
    SnapshotCache cache;
    LoadOptions o;
    o.cache = &cache;
    CHECK(warnings(load_kb(fs, o)) == gone);  // writes the snapshot
    CHECK(warnings(load_kb(fs, o)) == gone);  // reads it
    fs.put("gone.png", "png");
    CHECK(warnings(load_kb(fs, o)).empty());
    fs.remove("assets/pic.png");
    CHECK(warnings(load_kb(fs, o)) == "notes/a.md:1:1: warning: missing embed '![[pic.png]]' (no file of that name)\n");
    // A patched note is checked against the files of this run.
    fs.put("notes/a.md", "![[gone.png]] ![[pic.png]]\n");
    CHECK(warnings(load_kb(fs, o)) == "notes/a.md:1:15: warning: missing embed '![[pic.png]]' (no file of that name)\n");
  }

  TEST_CASE("load: a link's path is first taken from the linking note's folder, then as its end") {
    test::MemFileSystem fs;
    fs.add("sub/b.md", "The shorter path.\n");
    fs.add("notes/sub/b.md", "Beside the linking note.\n");
    fs.add("notes/a.md", "[[sub/b]] and [x](sub/b.md)\n");
    fs.add("other/a.md", "[[sub/b]]\n");
    const LoadResult r = load_kb(fs);
    auto targets = [&](const std::string& rid) { return link_targets(r, rid); };
    CHECK(targets("notes/a") == "sub/b->notes/sub/b sub/b->notes/sub/b ");
    CHECK(targets("other/a") == "sub/b->sub/b ");  // none beside it: the shortest path
  }

  TEST_CASE("load: the Tasks plugin's global filter: only task lines that hold it are actions") {
    test::MemFileSystem fs;
    fs.add(".obsidian/plugins/obsidian-tasks-plugin/data.json", "{\"globalFilter\": \"#task\"}");
    fs.add("meetings/2024-09-02-m.md", "---\ntitle: M\ndate: 2024-09-02\n---\n## Actions\n"
                                       "- [ ] #task Send the note\n- [ ] A checklist item\n- [x] Book it #task\n");
    LoadResult r = load_kb(fs);
    const auto& actions = *r.kb.lookup_rid("meetings/2024-09-02-m")->actions;
    REQUIRE(actions.size() == 2);
    CHECK(actions[0].text == "Send the note");
    CHECK(actions[1].text == "Book it");
    CHECK(actions[1].loc.line == 8);
    fs.add(".obsidian/plugins/obsidian-tasks-plugin/data.json", "{\"globalFilter\": \"\"}");
    r = load_kb(fs);
    CHECK(r.kb.lookup_rid("meetings/2024-09-02-m")->actions->size() == 3);
    fs.add(".obsidian/plugins/obsidian-tasks-plugin/data.json", "{\"globalFilter\": [1]}");
    r = load_kb(fs);
    CHECK(r.kb.lookup_rid("meetings/2024-09-02-m")->actions->size() == 3);
    REQUIRE(!r.diags.all().empty());
    CHECK(to_string(r.diags.all().front()).find("'globalFilter' is not a string") != std::string::npos);
  }

  TEST_CASE("load: without text, the typed graph is the same and the snapshot's text part is not read") {
    StampedFs fs;
    fill(fs);
    const LoadResult full = load_kb(fs);
    REQUIRE(full.kb.has_text);
    LoadOptions bare;
    bare.parts = kNoText;
    const LoadResult fresh = load_kb(fs, bare);
    CHECK_FALSE(fresh.kb.has_text);
    CHECK_FALSE(fresh.kb.has_links);
    // The parts left out are not loaded: reading one fails loudly instead of giving nothing.
    for (const auto& rec : fresh.kb.records()) {
      CHECK_FALSE(rec.text.loaded());
      CHECK_FALSE(rec.mentions.loaded());
      CHECK_THROWS_AS((void)rec.text->body, PartNotLoaded);
      CHECK_THROWS_AS((void)rec.mentions->size(), PartNotLoaded);
      CHECK_NOTHROW((void)*rec.actions);  // asked for
    }
    // Everything else is as in a load with text.
    CHECK(dump(fresh, kNoText) == dump(full, kNoText));
    CHECK_THROWS_AS(dump(fresh), PartNotLoaded);

    SnapshotCache cache;
    LoadOptions o = bare;
    o.cache = &cache;
    CHECK(dump(load_kb(fs, o), kNoText) == dump(fresh, kNoText));  // writes the snapshot, with text
    REQUIRE(cache.has_graph);
    fs.reads = 0;
    CHECK(dump(load_kb(fs, o), kNoText) == dump(fresh, kNoText));
    CHECK(fs.reads == 1);  // kb.yaml only
    LoadOptions with_text;
    with_text.cache = &cache;
    CHECK(dump(load_kb(fs, with_text)) == dump(full));  // the same snapshot, text and all
    CHECK(fs.reads == 2);
    // The links without the text (`kb graph`): from the snapshot alone, no entry read.
    LoadOptions links = o;
    links.parts = kLinks;
    const std::size_t entries_read = cache.scans;
    const LoadResult linked = load_kb(fs, links);
    CHECK(fs.reads == 3);
    CHECK(cache.scans == entries_read);
    CHECK(dump(linked, kLinks) == dump(full, kLinks));
    LoadOptions links_only;
    links_only.parts = kLinks;
    CHECK(dump(linked, kLinks) == dump(load_kb(fs, links_only), kLinks));
    CHECK(linked.kb.has_links);
    CHECK_FALSE(linked.kb.has_text);
    // One note's text, read for `kb show` after a load without it.
    Record shown = linked.kb.at(linked.kb.lookup_rid("meetings/2024/2024-09-01-m")->id);
    REQUIRE(read_note_text(fs, shown));
    const Record& whole = full.kb.at(full.kb.lookup_rid("meetings/2024/2024-09-01-m")->id);
    CHECK(shown.text->body == whole.text->body);
    std::ostringstream a, b;
    dump_value(a, shown.text->fields);
    dump_value(b, whole.text->fields);
    CHECK(a.str() == b.str());
    // A name no note defines has no text to read: none, not "not loaded".
    auto unresolved = std::find_if(linked.kb.records().begin(), linked.kb.records().end(),
                                   [](const Record& rec) { return !rec.defined; });
    REQUIRE(unresolved != linked.kb.records().end());
    Record nameless = *unresolved;
    REQUIRE_FALSE(nameless.text.loaded());
    const std::size_t reads_before = fs.reads;
    CHECK_FALSE(read_note_text(fs, nameless));
    CHECK_FALSE(read_note_minutes(fs, linked.kb.config, nameless));
    CHECK(nameless.text.loaded());
    CHECK(nameless.text->body.empty());
    CHECK(nameless.minutes->summary.empty());
    CHECK(fs.reads == reads_before);  // nothing read
    fs.reads = 2;

    SUBCASE("a damaged links part fails only a load that reads it") {
      // The parts: the one chunk's typed, minutes, actions, links and reads parts, the
      // diagnostics, the head and the trailer; the links part's last byte is in the last
      // record's links.
      REQUIRE(cache.part_sizes.size() == 8);
      const std::size_t last = cache.part_sizes[0] + cache.part_sizes[1] + cache.part_sizes[2] + cache.part_sizes[3] - 1;
      cache.graph[last] = static_cast<char>(cache.graph[last] ^ 0x5A);
      fs.reads = 0;
      CHECK(dump(load_kb(fs, o), kNoText) == dump(fresh, kNoText));
      CHECK(fs.reads == 1);
      CHECK(dump(load_kb(fs, with_text)) == dump(full));
      CHECK(fs.reads > 2);  // read the notes again
    }
    SUBCASE("a damaged reads part fails only a patch") {
      // The reads part is the chunk's last: its last byte is in the last record's reads.
      REQUIRE(cache.part_sizes.size() == 8);
      std::size_t last = 0;
      for (std::size_t i = 0; i < 5; ++i) last += cache.part_sizes[i];
      --last;
      cache.graph[last] = static_cast<char>(cache.graph[last] ^ 0x5A);
      fs.reads = 0;
      CHECK(dump(load_kb(fs, with_text)) == dump(full));
      CHECK(fs.reads == 1);  // nothing to patch: the part is not read
      fs.touch("notes/plain.md");
      CHECK(dump(load_kb(fs, with_text)) == dump(full));
      CHECK(fs.reads > 3);  // read the notes again, not only the one touched
    }
    // The snapshot keeps the wikilinks only: a note's front matter and body come from its
    // cache entry, or from the note itself when the entry cannot be believed.
    const std::string note = "meetings/2024/2024-09-01-m.md";
    REQUIRE(cache.entries.count(note));
    auto text_from_note = [&](const char* what) {
      INFO(what);
      fs.reads = 0;
      CHECK(dump(load_kb(fs, with_text)) == dump(full));
      CHECK(fs.reads == 2);  // kb.yaml and the note
      CHECK(cache.graph_writes == 1);  // the snapshot served
    };
    SUBCASE("a note without a cache entry is read") {
      cache.entries.erase(note);
      text_from_note("no entry");
    }
    SUBCASE("a corrupt entry is read from the note") {
      std::string& data = cache.entries[note].data;
      data[encoded_record_size(data) - 1] ^= 0x5A;  // the parse's last byte
      text_from_note("corrupt entry");
    }
    SUBCASE("an entry with other stamps is read from the note") {
      cache.entries[note].file.size += 1;
      text_from_note("other stamps");
    }
    SUBCASE("an entry of another note is not used") {
      cache.entries[note].data = cache.entries["people/pedro.md"].data;
      text_from_note("entry of another path");
    }
    SUBCASE("a racy entry is used only when the note's text has its hash") {
      for (auto& [path, e] : cache.entries) e.stored_ns = e.file.mtime_ns;  // written in the same tick
      fs.reads = 0;
      CHECK(dump(load_kb(fs, with_text)) == dump(full));
      CHECK(fs.reads == 1 + static_cast<int>(cache.entries.size()));  // every note read, for its hash
      // As if the note had other text, written within the same tick: the entry is not used.
      DiagSink ignored;
      auto other = parse_record(note, "---\ntitle: Other\ndate: 2024-09-01\n---\nOther body.\n", ignored);
      REQUIRE(other);
      cache.entries[note].data = encode_record(*other);
      cache.entries[note].content_hash += 1;
      CHECK(dump(load_kb(fs, with_text)) == dump(full));
    }
    SUBCASE("a note without an entry that cannot be read any more: a whole load reports it") {
      cache.entries.erase(note);
      fs.unreadable.insert(note);
      fs.reads = 0;
      const LoadResult r = load_kb(fs, with_text);
      CHECK(dump(r) == dump(load_kb(fs)));
      CHECK(r.diags.error_count() == full.diags.error_count() + 1);
    }
  }

  TEST_CASE("load: without minutes or actions, the rest is the same and their snapshot parts are not read") {
    StampedFs fs;
    fill(fs);
    const LoadResult full = load_kb(fs);
    REQUIRE(full.kb.has_minutes);
    REQUIRE(full.kb.has_actions);
    for (RecordParts parts : {kNoOutcomes, kOutline, kActions}) {
      INFO("text " << parts.text << " actions " << parts.actions);
      LoadOptions bare;
      bare.parts = parts;
      const LoadResult fresh = load_kb(fs, bare);
      CHECK_FALSE(fresh.kb.has_minutes);
      CHECK(fresh.kb.has_actions == parts.actions);
      CHECK(fresh.kb.has_text == parts.text);
      CHECK(fresh.kb.has_links == parts.links);
      for (const auto& rec : fresh.kb.records()) {
        CHECK_FALSE(rec.minutes.loaded());
        CHECK_THROWS_AS((void)rec.minutes->summary, PartNotLoaded);
        CHECK(rec.actions.loaded() == parts.actions);
        if (!parts.actions) CHECK_THROWS_AS((void)*rec.actions, PartNotLoaded);
      }
      // Everything else is as in a whole load, the diagnostics of the actions too.
      CHECK(dump(fresh, parts) == dump(full, parts));
      RecordParts more = parts;
      more.minutes = true;
      CHECK_THROWS_AS(dump(fresh, more), PartNotLoaded);
      CHECK_THROWS_AS(fresh.kb.require_minutes("test"), std::logic_error);
      if (parts.actions) CHECK_NOTHROW(fresh.kb.require_actions("test"));
      else CHECK_THROWS_AS(fresh.kb.require_actions("test"), std::logic_error);
      CHECK_NOTHROW(full.kb.require_minutes("test"));
      CHECK_NOTHROW(full.kb.require_actions("test"));
    }
    {
      // A few meetings' minutes, read for the weekly report after a load without them.
      LoadOptions bare;
      bare.parts = kActions;
      const LoadResult fresh = load_kb(fs, bare);
      const std::string meeting = "meetings/2024/2024-09-03-m";
      Record shown = fresh.kb.at(fresh.kb.lookup_rid(meeting)->id);
      REQUIRE(read_note_minutes(fs, fresh.kb.config, shown));
      const Record& as_loaded = *full.kb.lookup_rid(meeting);
      CHECK(shown.minutes->summary == as_loaded.minutes->summary);
      REQUIRE(shown.minutes->decisions.size() == 1);
      CHECK(shown.minutes->decisions[0].text == as_loaded.minutes->decisions[0].text);
      CHECK(shown.minutes->decisions[0].loc.line == as_loaded.minutes->decisions[0].loc.line);
      CHECK(shown.actions->size() == as_loaded.actions->size());  // as loaded, untouched
      // A note that cannot be read now has none (not the part "not loaded").
      StampedFs gone = fs;
      gone.remove(meeting + ".md");
      CHECK_FALSE(read_note_minutes(gone, fresh.kb.config, shown));
      CHECK(shown.minutes.loaded());
      CHECK(shown.minutes->summary.empty());
    }

    SnapshotCache cache;
    LoadOptions o;
    o.parts = kOutline;
    o.cache = &cache;
    CHECK(dump(load_kb(fs, o), kOutline) == dump(full, kOutline));  // writes the whole snapshot
    REQUIRE(cache.has_graph);
    fs.reads = 0;
    const LoadResult outline = load_kb(fs, o);
    CHECK(fs.reads == 1);  // kb.yaml only
    CHECK_FALSE(outline.kb.has_minutes);
    CHECK_FALSE(outline.kb.has_actions);
    CHECK(dump(outline, kOutline) == dump(full, kOutline));
    LoadOptions whole;
    whole.cache = &cache;
    CHECK(dump(load_kb(fs, whole)) == dump(full));  // the same snapshot, minutes, actions and all
    CHECK(fs.reads == 2);

    // The parts: each chunk's typed, minutes, actions, links and reads parts, then the
    // diagnostics, the head and the trailer. The fixture is one chunk, so the minutes part is
    // the second and the actions part the third; the last byte of each is in the last record's
    // (its count when it has none).
    auto damage_part = [&](std::size_t part) {
      REQUIRE(cache.part_sizes.size() == 8);
      std::size_t last = 0;
      for (std::size_t i = 0; i <= part; ++i) last += cache.part_sizes[i];
      cache.graph[last - 1] = static_cast<char>(cache.graph[last - 1] ^ 0x5A);
      fs.reads = 0;
    };
    LoadOptions actions = o, with_text = o;
    actions.parts = kActions;
    with_text.parts = kNoOutcomes;
    SUBCASE("a damaged minutes part fails only a load that reads it") {
      damage_part(1);
      CHECK(dump(load_kb(fs, o), kOutline) == dump(full, kOutline));
      CHECK(dump(load_kb(fs, actions), kActions) == dump(full, kActions));
      CHECK(dump(load_kb(fs, with_text), kNoOutcomes) == dump(full, kNoOutcomes));  // text read, fine
      CHECK(fs.reads == 3);  // kb.yaml, each time
      CHECK(dump(load_kb(fs, whole)) == dump(full));
      CHECK(fs.reads > 4);  // read the notes again
    }
    SUBCASE("a damaged actions part fails only a load that reads it") {
      damage_part(2);
      CHECK(dump(load_kb(fs, o), kOutline) == dump(full, kOutline));
      CHECK(dump(load_kb(fs, with_text), kNoOutcomes) == dump(full, kNoOutcomes));
      CHECK(fs.reads == 2);
      CHECK(dump(load_kb(fs, actions), kActions) == dump(full, kActions));
      CHECK(fs.reads > 3);  // read the notes again
    }
  }

  TEST_CASE("load: without warnings, an outline load skips untagged bodies and gives the same graph and errors") {
    StampedFs fs;
    fill(fs);
    // Tags written only in bodies, where cmark-gfm finds them (and not in code); bodies with
    // unresolved links and bad task dates, whose warnings such a load may leave out.
    fs.put("meetings/2024/2024-09-20-tagged.md",
           "---\ntitle: Tagged\ndate: 2024-09-20\norganizations: [UNESCO]\n---\nAbout **#policy** and &num;entity, "
           "not `#code`.\n- [ ] Ask [[Nobody At All]] due:2024-02-30\n");
    fs.put("notes/untagged.md", "---\ntags: [kept]\n---\n# Heading\n\nSee [[Ghost Page]]. C# is # not a tag.\n");
    const LoadResult full = load_kb(fs);
    LoadOptions quiet;
    quiet.parts = kOutline;
    quiet.warnings = false;
    const LoadResult fast = load_kb(fs, quiet);
    // The records, their tags and every list are the same; of the diagnostics, the errors are
    // the same and the warnings a part of the whole load's.
    auto records_of = [](const std::string& dump) { return dump.substr(dump.find("\n0 ")); };
    CHECK(records_of(dump(fast, kOutline)) == records_of(dump(full, kOutline)));
    CHECK(fast.diags.error_count() == full.diags.error_count());
    CHECK(fast.diags.warning_count() == 0);
    CHECK(full.diags.warning_count() > 0);
    std::vector<std::string> full_diags, fast_errors, full_errors;
    for (const auto& d : full.diags.all()) {
      full_diags.push_back(to_string(d));
      if (d.severity == Severity::error) full_errors.push_back(to_string(d));
    }
    for (const auto& d : fast.diags.all()) {
      CHECK(std::find(full_diags.begin(), full_diags.end(), to_string(d)) != full_diags.end());
      if (d.severity == Severity::error) fast_errors.push_back(to_string(d));
    }
    CHECK(fast_errors == full_errors);
    const Record* tagged = fast.kb.lookup_rid("meetings/2024/2024-09-20-tagged");
    REQUIRE(tagged);
    CHECK(tagged->tags == std::vector<SharedString>{"policy", "entity"});

    // With a cache, every body is parsed whole all the same: the entries serve any later load.
    MemCache cache;
    quiet.cache = &cache;
    CHECK(records_of(dump(load_kb(fs, quiet), kOutline)) == records_of(dump(full, kOutline)));
    LoadOptions whole;
    whole.cache = &cache;
    fs.reads = 0;
    CHECK(dump(load_kb(fs, whole)) == dump(full));
    CHECK(fs.reads == 2);  // kb.yaml and the broken note (never cached): the rest from their entries
  }

  TEST_CASE("load: a load without warnings keeps none, from the snapshot, a patch or a whole load") {
    StampedFs fs;
    fill(fs);
    SnapshotCache cache;
    LoadOptions loud;
    loud.cache = &cache;
    LoadOptions quiet = loud;
    quiet.warnings = false;
    LoadOptions uncached;
    uncached.warnings = false;
    auto errors_of = [](const LoadResult& r) {
      std::vector<std::string> out;
      for (const auto& d : r.diags.all())
        if (d.severity == Severity::error) out.push_back(to_string(d));
      return out;
    };
    const LoadResult first = load_kb(fs, loud);  // a whole load: it writes the snapshot
    REQUIRE(cache.graph_writes == 1);
    REQUIRE(first.diags.warning_count() > 0);
    REQUIRE(first.diags.error_count() > 0);
    const LoadResult warm = load_kb(fs, quiet);  // the snapshot's errors only
    CHECK(warm.diags.warning_count() == 0);
    CHECK(errors_of(warm) == errors_of(first));
    // A patched note that gains an unresolved link (a warning) and a bad front matter (an error).
    fs.put("notes/plain.md", "---\ntags: [x\n---\nSee [[Nobody Anywhere]].\n");
    const LoadResult patched = load_kb(fs, quiet);
    CHECK(cache.graph_writes == 1);  // patched, not loaded whole
    CHECK(patched.diags.warning_count() == 0);
    CHECK(errors_of(patched) == errors_of(load_kb(fs, uncached)));
    CHECK(errors_of(patched).size() == first.diags.error_count() + 1);
    // With warnings, the snapshot's part of them and the patch's give what a load without cache does.
    const LoadResult with_cache = load_kb(fs, loud), fresh = load_kb(fs);
    std::vector<std::string> all_loud, all_fresh;
    for (const auto& d : with_cache.diags.all()) all_loud.push_back(to_string(d));
    for (const auto& d : fresh.diags.all()) all_fresh.push_back(to_string(d));
    CHECK(all_loud == all_fresh);
    CHECK(cache.graph_writes == 1);
  }

  TEST_CASE("load: body links give the same warnings packed (an outline load) as kept whole") {
    StampedFs fs;
    fill(fs);
    // One note names a missing page three times, an ambiguous title twice (two meetings have
    // it), a record by path and by name; links of another note are packed on their own.
    fs.put("meetings/2024/2024-10-01-twin.md", "---\ntitle: Twin\ndate: 2024-10-01\n---\n");
    fs.put("meetings/2024/2024-10-02-twin.md", "---\ntitle: Twin\ndate: 2024-10-02\n---\n");
    fs.put("notes/links.md",
           "---\ntags: [x]\n---\n[[Ghost]] and [[Twin]], [[orgs/unesco.md]] [[UNESCO]].\n\n"
           "Again [[Ghost]] then [[Twin|the twin]].\n\n- [[Ghost#part]]\n");
    fs.put("notes/other.md", "---\ntags: [y]\n---\n[[Ghost]] [[Elsewhere]]\n");
    const LoadResult whole = load_kb(fs);
    LoadOptions outline;
    outline.parts = kOutline;
    const LoadResult packed = load_kb(fs, outline);
    auto link_warnings = [](const LoadResult& r) {
      std::vector<std::string> out;
      for (const auto& d : r.diags.all())
        if (to_string(d).find(" link '") != std::string::npos) out.push_back(to_string(d));
      return out;
    };
    const std::vector<std::string> want{
        "notes/links.md:4:1: warning: unresolved link '[[Ghost]]'",
        "notes/links.md:4:15: warning: ambiguous link '[[Twin]]'",
        "notes/links.md:6:7: warning: unresolved link '[[Ghost]]'",
        "notes/links.md:6:22: warning: ambiguous link '[[Twin]]'",
        "notes/links.md:8:3: warning: unresolved link '[[Ghost]]'",
        "notes/other.md:4:1: warning: unresolved link '[[Ghost]]'",
        "notes/other.md:4:11: warning: unresolved link '[[Elsewhere]]'",
        "notes/plain.md:1:36: warning: unresolved link '[[Missing Page]]'",  // fill()'s
    };
    auto joined = [](const std::vector<std::string>& v) {
      std::string out;
      for (const auto& x : v) out += x + "\n";
      return out;
    };
    CHECK(joined(link_warnings(whole)) == joined(want));
    CHECK(joined(link_warnings(packed)) == joined(want));
  }

  TEST_CASE("load: ignored notes are not read, with the cache or without, and a changed ignore list takes effect") {
    StampedFs fs;
    fill(fs);
    fs.put("Templates/Meeting.md", "---\ntitle: [broken\n---\n");  // would be an error if read
    fs.put("Archive/old.md", "---\nname: Old Org\ntype: organization\n---\n");
    fs.put(".obsidian/templates.json", R"({"folder": "Templates"})");
    fs.put(".obsidian/app.json", R"({"userIgnoreFilters": ["Archive/"]})");
    auto without = [&](const char* path) {
      StampedFs copy = fs;
      copy.remove(path);
      copy.remove(".obsidian/templates.json");
      copy.remove(".obsidian/app.json");
      return dump(load_kb(copy));
    };
    const std::string fresh = dump(load_kb(fs));
    StampedFs plain = fs;
    plain.remove("Templates/Meeting.md");
    plain.remove("Archive/old.md");
    plain.remove(".obsidian/templates.json");
    plain.remove(".obsidian/app.json");
    CHECK(fresh == dump(load_kb(plain)));
    SnapshotCache cache;
    LoadOptions o;
    o.cache = &cache;
    CHECK(dump(load_kb(fs, o)) == fresh);
    CHECK(cache.entries.count("Templates/Meeting.md") == 0);
    fs.reads = 0;
    CHECK(dump(load_kb(fs, o)) == fresh);
    CHECK(fs.reads == 3);  // kb.yaml and the two settings files: the graph is the snapshot's
    SUBCASE("the excluded files change: the archived note is a note again") {
      fs.put(".obsidian/app.json", R"({"userIgnoreFilters": []})");
      const std::string now = dump(load_kb(fs, o));
      CHECK(now == dump(load_kb(fs)));
      CHECK(now == without("Templates/Meeting.md"));
      CHECK(now.find("Old Org") != std::string::npos);
    }
    SUBCASE("the templates folder setting goes: its note is read, and reported") {
      fs.remove(".obsidian/templates.json");
      const std::string now = dump(load_kb(fs, o));
      CHECK(now == dump(load_kb(fs)));
      CHECK(now.find(" Templates/Meeting.md") != std::string::npos);  // skipped: it does not parse
    }
    SUBCASE("kb.yaml's ignore list grows") {
      fs.put("kb.yaml", "name: Load test\nignore: [notes/**]\n");
      const std::string now = dump(load_kb(fs, o));
      CHECK(now == dump(load_kb(fs)));
      CHECK(now.find("notes/plain") == std::string::npos);
    }
  }

  TEST_CASE("load: no snapshot is written while a note cannot be read") {
    StampedFs fs;
    fill(fs);
    fs.unreadable.insert("people/ana.md");
    SnapshotCache cache;
    LoadOptions o;
    o.cache = &cache;
    auto r = load_kb(fs, o);
    CHECK(r.skipped.size() == 2);
    CHECK_FALSE(cache.has_graph);
    // Readable again (a permission changes no stamp): the note loads at once.
    fs.unreadable.clear();
    auto again = load_kb(fs, o);
    CHECK(again.skipped.size() == 1);
    CHECK(dump(again) == dump(load_kb(fs)));
    CHECK(cache.has_graph);
  }

  TEST_CASE("load: a name written in many notes is one string in the graph, loaded or from the snapshot") {
    StampedFs fs;
    fill(fs);
    // Every equal text is the same string: the organization, topic, attendees, roles and links
    // of the nine meetings, and the organization and role of the affiliation they copy.
    auto shared_across = [](const LoadResult& r) {
      const Record* first = nullptr;
      int meetings = 0;
      for (const Record& rec : r.kb.records()) {
        if (rec.type != RecordType::meeting) continue;
        ++meetings;
        REQUIRE(rec.organizations.size() == 1);
        REQUIRE(rec.attendees.size() == 3);
        REQUIRE(rec.topics.size() == 1);
        if (!first) {
          first = &rec;
          continue;
        }
        CHECK(rec.organizations[0].text.same(first->organizations[0].text));
        CHECK(rec.topics[0].text.same(first->topics[0].text));
        for (std::size_t a = 0; a < 3; ++a) {
          CHECK(rec.attendees[a].person.text.same(first->attendees[a].person.text));
          CHECK(rec.attendees[a].role.same(first->attendees[a].role));
        }
      }
      CHECK(meetings == 9);
      REQUIRE(first);
      CHECK(first->attendees[0].role == "Director");
      const Record* pedro = r.kb.lookup_rid("people/pedro");
      REQUIRE(pedro);
      REQUIRE(pedro->entity->affiliations.size() == 1);
      CHECK(pedro->entity->affiliations[0].role.same(first->attendees[0].role));
      CHECK(pedro->entity->affiliations[0].org.text.same(first->organizations[0].text));
    };
    // From the snapshot on four threads: one string a text for each worker (one chunk here).
    check_cold_and_warm(fs, 4, shared_across);
  }

  TEST_CASE("load: a meeting's tags, time, time zone and place are shared like names") {
    StampedFs fs;
    fs.put("kb.yaml", "name: Shared\n");
    for (int i = 1; i <= 3; ++i)
      fs.put("meetings/m" + std::to_string(i) + ".md",
             "---\ntitle: M" + std::to_string(i) + "\ndate: 2024-09-0" + std::to_string(i) +
                 "\ntime: '09:30'\ntimezone: Europe/Paris\nlocation: UNESCO Headquarters, Fontenoy\n"
                 "tags: [digital-learning-week, partnership]\n---\nBody #follow-up-actions\n");
    check_cold_and_warm(fs, 1, [](const LoadResult& r) {
      const auto& all = r.kb.records();
      REQUIRE(all.size() == 3);
      const Record& first = all[0];
      REQUIRE(first.tags.size() == 3);
      CHECK(first.tags[2] == "follow-up-actions");  // from the body
      CHECK(first.location == "UNESCO Headquarters, Fontenoy");
      for (const Record& m : all) {
        REQUIRE(m.tags.size() == 3);
        for (std::size_t t = 0; t < 3; ++t) CHECK(m.tags[t].same(first.tags[t]));
        CHECK(m.time.same(first.time));
        CHECK(m.timezone.same(first.timezone));
        CHECK(m.location.same(first.location));
      }
    });
  }

  TEST_CASE("graph_codec: a typed note round-trips; a truncation, a trailing byte or another key is rejected") {
    StampedFs fs;
    fill(fs);
    fs.put("meetings/2024/2024-10-01-x.md",
           "---\ntitle: X\ndate: 2024-10-01\ntime: '10:00'\ntags: [a, b]\nattendees:\n  - name: Ana Lopez\n    org: UNESCO\n"
           "    role: Chair\n---\n## Actions\n- [ ] Send [[Ana Lopez]] due:2024-10-15\n![[pic.png]] ![[Missing]]\nBad [[\n");
    fs.put("meetings/2024/2024-10-02-empty.md", "---\ntitle: Nothing said\ndate: 2024-10-02\n---\n## Decisions\n");
    const KbConfig config;
    for (const std::string path : {"meetings/2024/2024-10-01-x.md", "meetings/2024/2024-10-02-empty.md", "people/pedro.md",
                                   "orgs/iesalc.md", "notes/plain.md"}) {
      INFO(path);
      std::string text, err;
      REQUIRE(fs.read(path, text, err));
      DiagSink diags;
      auto raw = parse_record(path, text, diags);
      REQUIRE(raw);
      Record rec;
      rec.path = SharedPath(path);
      rec.rid = record_id(path);
      RecordSides sides;
      REQUIRE(build_record(config, std::move(*raw), rec, sides, diags));
      const std::vector<std::string> keys = KnowledgeBase::name_keys(rec);
      const std::string data = encode_typed_note(7, rec, sides, keys, diags.all());
      StringPool pool;
      Record back;
      RecordSides back_sides;
      std::vector<std::string> back_keys;
      std::vector<Diagnostic> back_diags;
      REQUIRE(decode_typed_note(data, 7, back, back_sides, back_keys, back_diags, pool));
      CHECK(encode_typed_note(7, back, back_sides, back_keys, back_diags) == data);
      CHECK(back_keys == keys);
      CHECK(back_diags.size() == diags.all().size());
      CHECK_FALSE(decode_typed_note(data, 8, back, back_sides, back_keys, back_diags, pool));
      CHECK_FALSE(decode_typed_note(data + "x", 7, back, back_sides, back_keys, back_diags, pool));
      for (std::size_t size = 0; size < data.size(); ++size)
        if (decode_typed_note(std::string_view(data).substr(0, size), 7, back, back_sides, back_keys, back_diags, pool))
          FAIL("decoded a typed note cut to " << size);
      // What typing never gives is rejected: an attendee's organization for no attendee.
      sides.attendees.push_back(AttendeeInline{rec.attendees.size(), NameRef{}, SharedString()});
      const std::string odd = encode_typed_note(7, rec, sides, keys, diags.all());
      CHECK_FALSE(decode_typed_note(odd, 7, back, back_sides, back_keys, back_diags, pool));
    }
  }

  TEST_CASE("graph_codec: every truncation and a wrong key are rejected") {
    StampedFs fs;
    fill(fs);
    auto r = load_kb(fs);
    std::vector<Diagnostic> diags = r.diags.all();
    std::string data;
    for (const auto& part : encode_graph(42, {}, r, diags, 2)) data += part;
    LoadResult back;
    REQUIRE(decode_graph(data, 42, {}, {}, back, 2));
    CHECK(back.diags.all().size() == diags.size());
    std::string again;
    for (const auto& part : encode_graph(42, {}, back, back.diags.all(), 1)) again += part;
    CHECK(again == data);
    LoadResult other;
    CHECK_FALSE(decode_graph(data, 43, {}, {}, other, 1));
    for (std::size_t size = 0; size < data.size(); ++size) {
      LoadResult cut;
      if (decode_graph(std::string_view(data).substr(0, size), 42, {}, {}, cut, 1)) FAIL("decoded a snapshot cut to " << size);
    }
    std::string longer = data + "x";
    CHECK_FALSE(decode_graph(longer, 42, {}, {}, other, 1));
    // Only the parts decoded are read, each once: the header, the head, each chunk's typed
    // part with its minutes, actions and links parts when asked for (never its reads part: nothing
    // changed), and the part of all diagnostics when warnings are, in disjoint ranges.
    struct Recording : ByteSource {
      explicit Recording(std::string_view d) : bytes(d) {}
      std::size_t size() const override { return bytes.size(); }
      bool read(std::size_t offset, std::size_t n, char* out) const override {
        std::lock_guard<std::mutex> lock(mu);
        reads.emplace_back(offset, n);
        return bytes.read(offset, n, out);
      }
      MemorySource bytes;
      mutable std::mutex mu;
      mutable std::vector<std::pair<std::size_t, std::size_t>> reads;
    };
    for (RecordParts parts : {kOutline, kNoText, kNoOutcomes, kActions, kLinks, RecordParts{}}) {
      const bool warnings = parts.links;
      INFO("minutes " << parts.minutes << " actions " << parts.actions << " text " << parts.text << " links "
                      << parts.links);
      Recording source(data);
      LoadResult told;
      REQUIRE(decode_graph(source, 42, {}, {}, told, 2, parts, warnings));
      CHECK(told.diags.error_count() == back.diags.error_count());
      CHECK(told.diags.warning_count() == (warnings ? back.diags.warning_count() : 0));
      auto& released = source.reads;
      CHECK(told.kb.has_minutes == parts.minutes);
      CHECK(told.kb.has_actions == parts.actions);
      CHECK_FALSE(told.kb.has_text);  // the notes' text is in the cache entries
      CHECK(told.kb.has_links == parts.links);
      const RecordParts stored{.minutes = parts.minutes, .actions = parts.actions, .text = false, .links = parts.links};
      const DiagSink all = back.diags;
      if (!warnings) back.diags.drop_warnings();
      CHECK(dump(told, stored) == dump(back, stored));
      back.diags = all;
      std::sort(released.begin(), released.end());
      const std::size_t records = back.kb.records().size(), chunks = (records + 255) / 256;
      CHECK(released.size() == 2 + chunks * (1 + parts.minutes + parts.actions + parts.links) + warnings);
      for (std::size_t i = 1; i < released.size(); ++i)
        CHECK(released[i - 1].first + released[i - 1].second <= released[i].first);
    }
  }
}
