#include "kb/parse/front_matter.h"

#include <string>

#include <doctest/doctest.h>

#include "support/diag_text.h"

namespace {

using kb::test::diag_text;

// The diagnostics of a front matter that must fail to parse ("parsed" if it did not fail).
std::string failure(const std::string& text) {
  kb::DiagSink d;
  if (kb::parse_front_matter("a.md", text, d)) return "parsed";
  return diag_text(d);
}

std::string nested(std::size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }

}  // namespace

TEST_SUITE("parse") {
  TEST_CASE("front matter: CRLF and BOM are accepted") {
    kb::DiagSink d;
    auto fm = kb::parse_front_matter("a.md", "\xEF\xBB\xBF---\r\ntitle: T\r\ndate: 2024-09-02\r\n---\r\nbody\r\n", d);
    REQUIRE(fm);
    CHECK(d.empty());
    CHECK(fm->present);
    CHECK(fm->fields.find("title")->text == "T");
    CHECK(fm->fields.find("date")->text == "2024-09-02");
    CHECK(fm->fields.find("date")->loc.line == 3);
    CHECK(fm->body_line == 5);
  }

  TEST_CASE("front matter: bare CR line endings split lines like LF") {
    kb::DiagSink d;
    std::string text = "---\rtitle: T\rdate: 2024-09-02\r---\rbody\r";
    auto fm = kb::parse_front_matter("a.md", text, d);
    REQUIRE(fm);
    CHECK(diag_text(d) == "");
    CHECK(fm->fields.find("title")->text == "T");
    CHECK(fm->fields.find("date")->text == "2024-09-02");
    CHECK(fm->fields.find("date")->loc.line == 3);
    CHECK(fm->body_line == 5);
    CHECK(text.substr(fm->body_offset) == "body\r");
  }

  TEST_CASE("front matter: '...' closes it and values are read as written") {
    kb::DiagSink d;
    auto fm = kb::parse_front_matter("a.md", "---\ntitle: no\ndate: \"2024-09-02\"\nn: 1e3\nt: 14:00\n...\nbody\n", d);
    REQUIRE(fm);
    CHECK(d.empty());
    CHECK(fm->fields.find("title")->text == "no");
    CHECK(fm->fields.find("date")->text == "2024-09-02");
    CHECK(fm->fields.find("n")->text == "1e3");
    CHECK(fm->fields.find("t")->text == "14:00");
    CHECK(fm->body_line == 7);
  }

  TEST_CASE("front matter: a file without it is a plain note") {
    kb::DiagSink d;
    auto fm = kb::parse_front_matter("a.md", "# Title\n\n---\nx: y\n---\n", d);
    REQUIRE(fm);
    CHECK_FALSE(fm->present);
    CHECK(fm->body_offset == 0);
  }

  TEST_CASE("front matter: unterminated single-line quotes are reported at the quote") {
    struct Case {
      const char* text;
      const char* want;
    };
    const Case cases[] = {
        {"---\ntitle: \"Meeting\ndate: 2024-09-02\nlocation: \"Paris\"\n---\n",
         "a.md:2:8: error: unterminated quoted value (add the closing \" on the same line)\n"},
        {"---\ntitle: ok\nlocation: 'Paris\ndate: 2024-09-02\n---\n",
         "a.md:3:11: error: unterminated quoted value (add the closing ' on the same line)\n"},
        {"---\nattendees:\n  - \"Francesc Pedro\n  - Arianna Valentini\n---\n",
         "a.md:3:5: error: unterminated quoted value (add the closing \" on the same line)\n"},
        {"---\ntags: [a, \"b, c]\ntitle: x\n---\n",
         "a.md:2:11: error: unterminated quoted value (add the closing \" on the same line)\n"},
        {"---\ntitle: x\nsummary: \"never closed\n---\n",
         "a.md:3:10: error: unterminated quoted value (add the closing \" on the same line)\n"},
        {"---\r\ntitle: \"CRLF\r\ndate: 2024-09-02\r\n---\r\n",
         "a.md:2:8: error: unterminated quoted value (add the closing \" on the same line)\n"},
    };
    for (const auto& c : cases) {
      CAPTURE(c.text);
      kb::DiagSink d;
      CHECK_FALSE(kb::parse_front_matter("a.md", c.text, d));
      CHECK(diag_text(d) == c.want);
    }
  }

  TEST_CASE("front matter: quotes that close are not flagged") {
    const char* ok[] = {
        "---\ntitle: 'It''s \"quoted\"'\n---\n",
        "---\nlocation: \"Room \\\"B\\\" # not a comment\"\n---\n",
        "---\ndate: 2024-09-06 # a comment with a \" quote\n---\n",
        "---\ntitle: \"a title that goes on\n  over two lines\"\n---\n",
        "---\ntitle: \"escaped line end \\\n  continues\"\n---\n",
        "---\ntitle: Bob's meeting\n---\n",
        "---\nattendees:\n  - \"A\"\n  - 'B'\n  - name: \"C\"\n---\n",
        "---\ntags: [\"a\", 'b', c]\n---\n",
        "---\n\"quoted key\": v\n---\n",
        "---\nnotes: |\n  \"A quote that opens\n  and goes on\nnext: x\n---\n",
        "---\nlist:\n  - >-\n    'folded text\n    more\n---\n",
    };
    for (const char* text : ok) {
      CAPTURE(text);
      kb::DiagSink d;
      CHECK(kb::parse_front_matter("a.md", text, d));
      CHECK(diag_text(d) == "");
    }
    kb::DiagSink d;
    auto fm = kb::parse_front_matter("a.md", "---\ntitle: \"a title that goes on\n  over two lines\"\nx: y\n---\n", d);
    REQUIRE(fm);
    CHECK(fm->fields.find("title")->text == "a title that goes on over two lines");
    CHECK(fm->fields.find("x")->text == "y");
  }

  TEST_CASE("front matter: a quote that continues onto a line at the key's indent is unterminated") {
    kb::DiagSink d;
    CHECK_FALSE(kb::parse_front_matter("a.md", "---\ntitle: \"one\nsecond: two\"\n---\n", d));
    CHECK(diag_text(d) == "a.md:2:8: error: unterminated quoted value (add the closing \" on the same line)\n");
    kb::DiagSink b;
    CHECK_FALSE(kb::parse_front_matter("a.md", "---\nnotes: |\n  text\ntitle: \"after the block\n---\n", b));
    CHECK(diag_text(b) == "a.md:4:8: error: unterminated quoted value (add the closing \" on the same line)\n");
  }

  TEST_CASE("front matter: duplicate keys are reported at the second one") {
    kb::DiagSink d;
    CHECK_FALSE(kb::parse_front_matter("a.md", "---\ntitle: First\ndate: 2024-09-02\ntitle: Second\n---\n", d));
    CHECK(diag_text(d) == "a.md:4:1: error: duplicate key 'title' (remove one of them)\n");
    kb::DiagSink n;
    CHECK_FALSE(kb::parse_front_matter("a.md", "---\nattendees:\n  - name: A\n    role: Chair\n    role: Host\n---\n", n));
    CHECK(diag_text(n) == "a.md:5:5: error: duplicate key 'role' (remove one of them)\n");
  }

  TEST_CASE("front matter: structural errors") {
    struct Case {
      const char* text;
      const char* want;
    };
    const Case cases[] = {
        {"---\ntitle: never closed\n\nBody.\n",
         "a.md:1:1: error: front matter is not closed (add a line '---' after it)\n"},
        {"---\n- a\n- b\n---\n", "a.md:2:1: error: front matter must be a mapping of keys to values\n"},
        {"---\njust a sentence\n---\n", "a.md:2:1: error: front matter must be a mapping of keys to values\n"},
        {"---\n[a, b]: c\n---\n", "a.md:2:1: error: a front matter key must be plain text\n"},
        {"---\ntitle: *nowhere\n---\n", "a.md:2:8: error: invalid YAML: the referenced anchor is not defined\n"},
        {"---\ntitle: T\nattendees: [[Ana]], [[Bo]]\n---\n",
         "a.md:3:19: error: invalid YAML: end of map not found; quote each [[link]] in a list: "
         "attendees: [\"[[A]]\", \"[[B]]\"]\n"},
    };
    for (const auto& c : cases) {
      CAPTURE(c.text);
      kb::DiagSink d;
      CHECK_FALSE(kb::parse_front_matter("a.md", c.text, d));
      CHECK(diag_text(d) == c.want);
    }
  }

  TEST_CASE("front matter: nesting is bounded, with a clear message instead of 'bad file'") {
    for (std::size_t depth : {100u, 3000u, 100000u}) {
      CAPTURE(depth);
      kb::DiagSink d;
      CHECK_FALSE(kb::parse_front_matter("a.md", "---\nx: " + nested(depth) + "\n---\n", d));
      REQUIRE(d.all().size() == 1);
      CHECK(d.all()[0].message == "front matter is nested too deeply (more than 64 levels)");
      CHECK(d.all()[0].loc.line == 2);
    }
    kb::DiagSink block;
    std::string deep = "---\nx:\n";
    for (int i = 0; i < 100000; ++i) deep += " -";
    CHECK_FALSE(kb::parse_front_matter("a.md", deep + " y\n---\n", block));
    REQUIRE(block.all().size() == 1);
    CHECK(block.all()[0].message == "front matter is nested too deeply (more than 64 levels)");
    kb::DiagSink ok;
    CHECK(kb::parse_front_matter("a.md", "---\nx: " + nested(60) + "\n---\n", ok));
    CHECK(ok.empty());
  }

  TEST_CASE("front matter: an alias bomb stops at the value cap instead of expanding") {
    std::string bomb = "---\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
    for (int i = 1; i < 30; ++i) {
      bomb += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
      for (int k = 0; k < 10; ++k) bomb += (k ? ", *a" : "*a") + std::to_string(i - 1);
      bomb += "]\n";
    }
    kb::DiagSink d;
    CHECK_FALSE(kb::parse_front_matter("a.md", bomb + "---\n", d));
    CHECK(diag_text(d) ==
          "a.md:6:1: error: front matter has too many values (more than 100000; check for repeated aliases '*')\n");
  }

  TEST_CASE("front matter: aliases of a long text stop at the text budget") {
    std::string text = "---\na: &a \"" + std::string(65536, 'x') + "\"\nb: [";
    for (int k = 0; k < 64; ++k) text += k ? ", *a" : "*a";
    kb::DiagSink d;
    CHECK_FALSE(kb::parse_front_matter("a.md", text + "]\n---\n", d));
    REQUIRE(d.all().size() == 1);
    CHECK(d.all()[0].message == "front matter expands to too much text (more than 1048576 bytes; check for repeated aliases '*')");
  }

  TEST_CASE("front matter: a few aliases are fine, a cyclic one is bounded") {
    kb::DiagSink d;
    auto fm = kb::parse_front_matter("a.md", "---\nbase: &o UNESCO\norganizations: [*o, IESALC]\n---\n", d);
    REQUIRE(fm);
    CHECK(d.empty());
    CHECK(fm->fields.find("organizations")->items.at(0).text == "UNESCO");
    kb::DiagSink c;
    CHECK_FALSE(kb::parse_front_matter("a.md", "---\na: &a [*a]\n---\n", c));
    REQUIRE(c.all().size() == 1);
    CHECK(c.all()[0].message == "front matter is nested too deeply (more than 64 levels)");
    // At the collection that holds itself.
    CHECK(diag_text(c) == "a.md:2:4: error: front matter is nested too deeply (more than 64 levels)\n");
    CHECK(failure("---\nx: 1\nm: &m {k: v, n: *m}\n---\n") ==
          "a.md:3:4: error: front matter is nested too deeply (more than 64 levels)\n");
    // A map that is its own key is not plain text.
    CHECK(failure("---\n&k\n? *k\n: v\n---\n") == "a.md:2:1: error: a front matter key must be plain text\n");
  }

  TEST_CASE("front matter: aliases copy their anchor's value, keys included, with its locations") {
    kb::DiagSink d;
    auto fm = kb::parse_front_matter(
        "a.md", "---\nbase: &b {org: UNESCO, role: [Chief]}\n&k who: Ana\nagain: *b\nlist: [*k, *b]\n---\n", d);
    REQUIRE(fm);
    CHECK(diag_text(d) == "");
    const kb::Value* again = fm->fields.find("again");
    REQUIRE(again);
    REQUIRE(again->is_mapping());
    CHECK(again->find("org")->text == "UNESCO");
    CHECK(again->find("role")->items.at(0).text == "Chief");
    CHECK(again->loc.line == 2);  // where the anchored value is written
    CHECK(again->find("org")->loc.column == 16);
    const kb::Value* list = fm->fields.find("list");
    REQUIRE(list->items.size() == 2);
    CHECK(list->items[0].text == "who");  // an anchored key
    CHECK(list->items[1].find("role")->items.size() == 1);
  }

  TEST_CASE("front matter: a duplicate key is found in small and large mappings alike") {
    for (int size : {3, 15, 16, 17, 40}) {
      CAPTURE(size);
      std::string text = "---\n";
      for (int i = 0; i < size; ++i) text += "k" + std::to_string(i) + ": v\n";
      kb::DiagSink ok;
      auto fm = kb::parse_front_matter("a.md", text + "---\n", ok);
      REQUIRE(fm);
      CHECK(fm->fields.entries.size() == static_cast<std::size_t>(size));
      for (int dup : {0, size - 1}) {
        CHECK(failure(text + "k" + std::to_string(dup) + ": again\n---\n") == "a.md:" + std::to_string(size + 2) + ":1: error: duplicate key 'k" + std::to_string(dup) +
                                  "' (remove one of them)\n");
      }
    }
  }

  TEST_CASE("front matter: a YAML error after a bad key or a cap wins, as the parser reports it") {
    CHECK(failure("---\na: 1\na: 2\nb: *nowhere\n---\n") ==
          "a.md:4:4: error: invalid YAML: the referenced anchor is not defined\n");
  }

  TEST_CASE("front matter: only the first YAML document is read") {
    kb::DiagSink d;
    auto doc = kb::parse_yaml_document("kb.yaml", "name: a\n---\nname: b\n", d);
    REQUIRE(doc);
    CHECK(d.empty());
    CHECK(doc->find("name")->text == "a");
  }
}
