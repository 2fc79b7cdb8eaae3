#include "kb/parse/record.h"

#include <string>

#include <doctest/doctest.h>

namespace {

std::string diag_text(const kb::DiagSink& d) {
  std::string out;
  for (const auto& x : d.all()) out += kb::to_string(x) + "\n";
  return out;
}

std::string check_bad(std::string_view text) {
  kb::DiagSink d;
  auto rec = kb::parse_record("a.md", text, d);
  CHECK_FALSE(rec);
  CHECK(d.all().size() == 1);
  return diag_text(d);
}

}  // namespace

TEST_SUITE("parse") {
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
}
