#include "kb/query/search.h"

#include <doctest/doctest.h>

#include <string>

#include "kb/store/text_index.h"

namespace kb {
namespace {

// The FTS5 query a search typed as `text` becomes.
std::string fts(const std::string& text) { return fts5_query(parse_search(text)); }

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
    CHECK_FALSE(index->stale("k").has_value());
    IndexedNote title{"a.md", "Concept note", "", "", "", "", "short"};
    IndexedNote body{"b.md", "Budget", "", "", "", "", "long text where the concept note comes up once"};
    IndexedNote escape{"c.md", "Drill", "", "", "", "", "red \x1b[31m alert\x01 \xc2\x9b bell\x07"};
    REQUIRE(index->update({title, body, escape}, {}, "k"));
    REQUIRE(index->stale("k").has_value());
    CHECK(index->stale("k")->empty());
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
}

}  // namespace kb
