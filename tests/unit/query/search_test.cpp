#include "kb/query/search.h"

#include <doctest/doctest.h>

#include <string>

#include "kb/model/record_builder.h"
#include "kb/store/text_index.h"
#include "support/kb_fixture.h"

namespace kb {
namespace {

// The FTS5 query a search typed as `text` becomes.
std::string fts(const std::string& text) { return fts5_query(parse_search(text)); }

// The paths of the notes `index` finds for `text`, best first.
std::vector<std::string> found(TextIndex& index, const std::string& text) {
  std::vector<std::string> out;
  for (const auto& h : index.find(parse_search(text), 0)) out.push_back(h.path);
  return out;
}

// Brings `index` up to date with the notes of `fs` as they are now, from a load of `parts`
// (a note the load left without text read again through `fs`); every file stamped `mtime_ns`.
std::optional<std::size_t> sync(TextIndex& index, test::MemFileSystem& fs, std::int64_t mtime_ns = 1000,
                                RecordParts parts = {}) {
  LoadOptions options;
  options.parts = parts;
  const LoadResult loaded = load_kb(fs, options);
  DiagSink walk;
  std::vector<FileInfo> files = fs.list_markdown(walk);
  for (auto& f : files) f.mtime_ns = mtime_ns;
  auto read = [&](const Record& r) { return read_whole_note(fs, loaded.kb.config, r); };
  return sync_text_index(index, loaded.kb, files, "k", read);
}

}  // namespace

TEST_SUITE("query") {
  TEST_CASE("search: words, phrases, OR and -word become quoted FTS5") {
    CHECK(fts("concept note") == R"x(("concept") AND ("note"*))x");
    CHECK(fts("concept note ") == R"x(("concept") AND ("note"))x");
    CHECK(fts("\"concept note\" iesalc") == R"x(("concept note") AND ("iesalc"*))x");
    CHECK(fts("iesalc OR unesco budget") == R"x(("iesalc" OR "unesco") AND ("budget"*))x");
    CHECK(fts("budget -draft") == R"x((("budget")) NOT ("draft"))x");
    CHECK(fts("Pérez") == R"x(("Pérez"*))x");
  }

  TEST_CASE("search: input FTS5 would read as syntax is only ever a quoted word") {
    CHECK(fts("NEAR(a b)") == R"x(("NEAR(a") AND ("b)"*))x");
    CHECK(fts("a AND b NOT c") == R"x(("a") AND ("AND") AND ("b") AND ("NOT") AND ("c"*))x");
    CHECK(fts("say \"hi\"\"there") == R"x(("say") AND ("hi") AND ("there"))x");
    CHECK(fts("x\"y") == R"x(("x""y"*))x");
    CHECK(fts("col:umn ^start") == R"x(("col:umn") AND ("^start"*))x");
  }

  TEST_CASE("search: terms with no word in them are dropped; nothing left is empty") {
    for (const char* s : {"", "\"", "*", "-", "\"\"", "OR", "- * ( ) :", "-word", "\x1b"}) {
      CAPTURE(s);
      const SearchTerms t = parse_search(s);
      CHECK(t.empty());
      CHECK(fts5_query(t).empty());
    }
    CHECK(fts("OR budget") == R"x(("budget"*))x");
  }

  TEST_CASE("search: a long search keeps its first terms and says so") {
    std::string text;
    for (int i = 0; i < 2000; ++i) text += "w" + std::to_string(i) + " ";
    bool truncated = false;
    const SearchTerms t = parse_search(text, &truncated);
    CHECK(truncated);
    CHECK(t.all_of.size() == kMaxSearchTerms);
    bool short_one = true;
    parse_search("a b", &short_one);
    CHECK_FALSE(short_one);
  }

  TEST_CASE("search: the in-memory index ranks a title above a body and never fails on input") {
    auto index = memory_text_index();
    REQUIRE(index);
    CHECK_FALSE(index->indexed("k").has_value());
    IndexedNote title{"a.md", "Concept note", "", "", "", "", "short", {}};
    IndexedNote body{"b.md", "Budget", "", "", "", "", "long text where the concept note comes up once", {}};
    IndexedNote escape{"c.md", "Drill", "", "", "", "", "red \x1b[31m alert\x01 \xc2\x9b bell\x07", {}};
    REQUIRE(index->update({title, body, escape}, {}, "k"));
    REQUIRE(index->indexed("k").has_value());
    CHECK(index->indexed("k")->size() == 3);
    auto hits = index->find(parse_search("\"concept note\""), 0);
    REQUIRE(hits.size() == 2);
    CHECK(hits[0].path == "a.md");
    CHECK(hits[1].path == "b.md");
    for (const char* s : {"\"", "NEAR(", "*", "a\"b", "x OR", "-y z", "\x1b]0;t\x07"})
      CHECK_NOTHROW(index->find(parse_search(s), 0));
    hits = index->find(parse_search("alert"), 0);
    REQUIRE(hits.size() == 1);
    index->snippets(parse_search("alert"), hits, 8);
    CHECK(hits[0].snippet == "red  [31m \x01" "alert\x02     bell ");
    CHECK(index->update({}, {"a.md"}, "k"));
    CHECK(index->find(parse_search("concept"), 0).size() == 1);
  }

  TEST_CASE("search: hits by date, oldest or newest first, and how many there are before the limit") {
    test::MemFileSystem fs;
    fs.add("meetings/a.md", "---\ntype: meeting\ntitle: Budget review\ndate: 2024-09-02\n---\nThe budget.\n");
    fs.add("meetings/b.md", "---\ntype: meeting\ntitle: Planning\ndate: 2024-09-05\n---\nA budget line.\n");
    fs.add("meetings/c.md", "---\ntype: meeting\ntitle: Retreat\ndate: 2024-08-01\n---\nBudget, budget.\n");
    fs.add("notes/d.md", "An undated budget note.\n");
    auto index = memory_text_index();
    REQUIRE(index);
    REQUIRE(sync(*index, fs));
    const LoadResult loaded = load_kb(fs);
    SearchRequest r;
    r.terms = parse_search("budget");
    r.limit = 2;
    auto ids = [&](const std::vector<SearchHit>& hits) {
      std::string out;
      for (const auto& h : hits) out += loaded.kb.at(h.id).rid + " ";
      return out;
    };
    std::size_t total = 0;
    r.order = SearchOrder::oldest;
    CHECK(ids(find_hits(loaded.kb, *index, r, &total)) == "meetings/c meetings/a ");
    CHECK(total == 4);
    r.order = SearchOrder::newest;
    r.limit = 0;
    CHECK(ids(find_hits(loaded.kb, *index, r, &total)) == "meetings/b meetings/a meetings/c notes/d ");
    r.order = SearchOrder::rank;
    r.limit = 1;
    CHECK(find_hits(loaded.kb, *index, r, &total).size() == 1);
    CHECK(total == 4);
  }

  TEST_CASE("search: the index follows the files' stamps, whatever the load read") {
    auto index = memory_text_index();
    REQUIRE(index);
    test::MemFileSystem fs = test::sample_fs();
    const char* const ana = "meetings/2024/2024-05-01-ana.md";
    const char* const iesalc = "meetings/2024/2024-09-02-iesalc.md";
    RecordParts outline;  // a whole load: the records as loaded
    SUBCASE("a whole load") {}
    SUBCASE("an outline load: changed notes read again") { outline = {false, false, false}; }
    CHECK(sync(*index, fs, 1000, outline) == 14);
    CHECK(found(*index, "budgets") == std::vector<std::string>{ana});
    CHECK(sync(*index, fs, 1000, outline) == 0);
    // Edited: the same stamps as the index holds but the size.
    fs.add(ana, "---\ntitle: Spring call with Ana\ndate: 2024-05-01\n---\nWe counted quokkas.\n");
    CHECK(sync(*index, fs, 1000, outline) == 1);
    CHECK(found(*index, "quokkas") == std::vector<std::string>{ana});
    CHECK(found(*index, "budgets").empty());
    // Deleted, and a new note.
    fs.files.erase(iesalc);
    fs.add("meetings/2024/2024-10-01-new.md", "---\ntitle: Workshop on quokkas\ndate: 2024-10-01\n---\n");
    CHECK(sync(*index, fs, 1000, outline) == 2);
    CHECK(found(*index, "framework").size() == 1);  // the topic; the meeting is gone
    CHECK(found(*index, "quokkas").size() == 2);
    // Every stamp but mtime changed: indexed again.
    CHECK(sync(*index, fs, 2000, outline) == 14);
  }

  TEST_CASE("search: a note indexed within seconds of its mtime is indexed again next time") {
    auto index = memory_text_index();
    REQUIRE(index);
    test::MemFileSystem fs = test::sample_fs();
    // An mtime ahead of any clock is always within the racy window; one in 1970 never is.
    const std::int64_t future = std::int64_t{1} << 62;
    CHECK(sync(*index, fs, future) == 14);
    const auto held = index->indexed("k");
    REQUIRE(held.has_value());
    REQUIRE(held->size() == 14);
    CHECK((*held)[0].mtime_ns == 0);
    CHECK(sync(*index, fs, future) == 14);
    CHECK(sync(*index, fs, 1000) == 14);
    CHECK(sync(*index, fs, 1000) == 0);
    CHECK(index->indexed("other").has_value() == false);  // another key: emptied
    CHECK(found(*index, "budgets").empty());
  }
}

}  // namespace kb
