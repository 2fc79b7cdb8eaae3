#include "kb/parse/record.h"

#include <string>

#include <doctest/doctest.h>

#include "support/diag_text.h"

namespace {

using kb::test::diag_text;

std::string check_bad(std::string_view text) {
  kb::DiagSink d;
  auto rec = kb::parse_record("a.md", text, d);
  CHECK_FALSE(rec);
  CHECK(d.all().size() == 1);
  return diag_text(d);
}

}  // namespace

TEST_SUITE("parse") {
  TEST_CASE("record: BodyParse::tags reads a body only when it may hold a tag, and finds the same tags") {
    struct Case {
      const char* body;
      bool parsed;  // may_hold_tags
    };
    const Case cases[] = {
        {"## Summary\n\nMet [[Ana]] about #ai-policy and #2024.\n", true},
        {"**#bold** and `#code` and #\n", true},
        {"An entity: &num;hidden here, and &amp; more.\n", true},
        {"\\#escaped\n", true},
        {"## Summary\n\n# Heading\n\nNo tags: # alone, a C# thing, ## twice.\n- [ ] Task due:2024-13-01 [[Bo]]\n", false},
        {"## Summary\n\nNothing but prose, [[links]] and a task.\n- [ ] Send it due:2024-13-01\n", false},
        {"# Only headings\n\n## and more #\n", false},
        {"", false},
    };
    for (const auto& c : cases) {
      CAPTURE(c.body);
      const std::string text = std::string("---\ntitle: T\ntags: [x]\n---\n") + c.body;
      CHECK(kb::may_hold_tags(c.body) == c.parsed);
      kb::DiagSink whole_d, tags_d, none_d;
      auto whole = kb::parse_record("a.md", text, whole_d, kb::BodyParse::all);
      auto tags = kb::parse_record("a.md", text, tags_d, kb::BodyParse::tags);
      auto none = kb::parse_record("a.md", text, none_d, kb::BodyParse::none);
      REQUIRE(whole);
      REQUIRE(tags);
      REQUIRE(none);
      CHECK(whole->body_parsed);
      CHECK(tags->body_parsed == c.parsed);
      CHECK_FALSE(none->body_parsed);
      CHECK(tags->facts.tags == whole->facts.tags);
      CHECK(tags->body == whole->body);
      CHECK(none->facts.tags.empty());
      // Unparsed, a body gives no warnings (the bad task dates above are warnings).
      if (!c.parsed) CHECK(tags_d.empty());
    }
    // The cases hold tags where cmark-gfm sees them, so the check above compares real ones.
    kb::DiagSink d;
    auto rec = kb::parse_record("a.md", "---\ntitle: T\n---\n**#bold** `#code` &num;hidden\n", d, kb::BodyParse::tags);
    REQUIRE(rec);
    CHECK(rec->facts.tags == std::vector<std::string>{"bold", "hidden"});
  }

  TEST_CASE("record: a BOM is skipped and the body keeps its file lines") {
    kb::DiagSink d;
    auto rec = kb::parse_record("a.md", "\xEF\xBB\xBF---\r\ntitle: T\r\n---\r\n- [ ] Send it due:2024-10-15\r\n", d);
    REQUIRE(rec);
    CHECK(diag_text(d) == "");
    CHECK(rec->front.fields.find("title")->text == "T");
    REQUIRE(rec->facts.tasks.size() == 1);
    CHECK(rec->facts.tasks[0].loc.line == 4);
  }

  TEST_CASE("record: bare CR line endings") {
    kb::DiagSink d;
    auto rec = kb::parse_record("a.md", "---\rtitle: T\r---\rtext\r- [ ] Task due:2024-09-13\r", d);
    REQUIRE(rec);
    CHECK(diag_text(d) == "");
    CHECK(rec->front.fields.find("title")->text == "T");
    REQUIRE(rec->facts.tasks.size() == 1);
    CHECK(rec->facts.tasks[0].loc.line == 5);
  }

  TEST_CASE("record: binary files are skipped at their first NUL") {
    static const char text[] = "---\ntitle: x\n---\nsome\0binary\n";
    CHECK(check_bad(std::string(text, sizeof text - 1)) ==
          "a.md:4:5: error: binary file (contains a NUL byte); skipped\n");
  }

  TEST_CASE("record: UTF-16 with or without a byte order mark") {
    const std::string want = "a.md:1:1: error: UTF-16 text is not supported (save the file as UTF-8)\n";
    SUBCASE("little endian BOM") { CHECK(check_bad(std::string("\xFF\xFE-\0-\0-\0\n\0", 10)) == want); }
    SUBCASE("big endian BOM") { CHECK(check_bad(std::string("\xFE\xFF\0-\0-\0-\0\n", 10)) == want); }
    SUBCASE("no BOM") { CHECK(check_bad(std::string("-\0-\0-\0\n\0t\0:\0 \0x\0\n\0", 18)) == want); }
  }

  TEST_CASE("record: invalid UTF-8 is reported at its line and column") {
    CHECK(check_bad("---\ntitle: x\nlocation: Z\xFCrich\n---\n") ==
          "a.md:3:12: error: invalid UTF-8 (save the file as UTF-8)\n");
    CHECK(check_bad("---\ntitle: x\n---\nline four\nline five \xFF here\n") ==
          "a.md:5:11: error: invalid UTF-8 (save the file as UTF-8)\n");
    CHECK(check_bad("---\ntitle: \xC0\xAF\n---\n") == "a.md:2:8: error: invalid UTF-8 (save the file as UTF-8)\n");
    CHECK(check_bad("x\n\xED\xA0\x80\n") == "a.md:2:1: error: invalid UTF-8 (save the file as UTF-8)\n");
    CHECK(check_bad("ends in \xE2\x82") == "a.md:1:9: error: invalid UTF-8 (save the file as UTF-8)\n");
    CHECK(check_bad("a\rb\r\nc \xFF") == "a.md:3:3: error: invalid UTF-8 (save the file as UTF-8)\n");
  }

  TEST_CASE("record: files over the size cap are refused before any parsing") {
    std::string big(kb::kMaxRecordBytes + 1, 'a');
    CHECK(check_bad(big) == "a.md: error: file is larger than 16 MiB; skipped (split it into smaller notes)\n");
    kb::DiagSink d;
    CHECK(kb::parse_record("a.md", std::string(kb::kMaxRecordBytes, 'a'), d, kb::BodyParse::none));
  }

  TEST_CASE("record: CJK and NFD text is valid") {
    kb::DiagSink d;
    auto rec = kb::parse_record("a.md", "---\ntitle: 与教科文组织的会谈\nname: Jose\xCC\x81\n---\n", d);
    REQUIRE(rec);
    CHECK(d.empty());
    CHECK(rec->front.fields.find("name")->text == "Jose\xCC\x81");
  }

  TEST_CASE("issue 23: front matter that does not parse is reported, and the note read as a plain note") {
    SUBCASE("a YAML error: the body after the closing fence") {
      kb::DiagSink d;
      auto rec = kb::parse_record("a.md", "---\ntitle: [x\n---\nSee [[b]].\n- [ ] Task\n", d);
      REQUIRE(rec);
      CHECK(diag_text(d) == "a.md:3:1: error: invalid YAML: end of sequence flow not found\n");
      CHECK(rec->front.broken);
      CHECK(rec->front.fields.is_mapping());
      CHECK(rec->front.fields.entries.empty());
      CHECK(rec->body == "See [[b]].\n- [ ] Task\n");
      CHECK(rec->front.body_line == 4);
      REQUIRE(rec->facts.links.size() == 1);
      CHECK(rec->facts.links[0].loc.line == 4);
      CHECK(rec->facts.tasks.size() == 1);
    }
    SUBCASE("not a mapping") {
      kb::DiagSink d;
      auto rec = kb::parse_record("a.md", "---\n- a\n---\nbody\n", d);
      REQUIRE(rec);
      CHECK(diag_text(d) == "a.md:2:1: error: front matter must be a mapping of keys to values\n");
      CHECK(rec->front.broken);
      CHECK(rec->body == "body\n");
    }
    SUBCASE("not closed: all of the text is the body, as Obsidian shows it") {
      kb::DiagSink d;
      auto rec = kb::parse_record("a.md", "---\ntitle: x\n[[b]]\n", d);
      REQUIRE(rec);
      CHECK(diag_text(d) == "a.md:1:1: error: front matter is not closed (add a line '---' after it)\n");
      CHECK(rec->front.broken);
      CHECK_FALSE(rec->front.present);
      CHECK(rec->body == "---\ntitle: x\n[[b]]\n");
      REQUIRE(rec->facts.links.size() == 1);
      CHECK(rec->facts.links[0].loc.line == 3);
    }
  }
}
