#include "kb/parse/json.h"

#include <string>

#include <doctest/doctest.h>

#include "support/diag_text.h"

using namespace kb;

namespace {

using kb::test::diag_text;

std::string where(const Value& v) { return std::to_string(v.loc.line) + ":" + std::to_string(v.loc.column); }

}  // namespace

TEST_SUITE("parse") {
  TEST_CASE("json: objects, arrays and scalars as written, each with where it starts") {
    DiagSink d;
    const char* text =
        "{\n"
        "  \"folder\": \"Meta/Templates\",\n"
        "  \"userIgnoreFilters\": [\"Archive/\", \"/\\\\.excalidraw\\\\.md$/\"],\n"
        "  \"n\": -1.5e3, \"k\":7,\"b\": true, \"z\": null,\n"
        "  \"é\": {\"q\": \"say \\\"hi\\\"\"}\n"
        "}\n";
    auto v = parse_json("app.json", text, d);
    REQUIRE(v);
    CHECK(d.empty());
    REQUIRE(v->is_mapping());
    CHECK(where(*v) == "1:1");
    REQUIRE(v->entries.size() == 7);
    const Value* folder = v->find("folder");
    REQUIRE(folder);
    CHECK(folder->text == "Meta/Templates");
    CHECK(where(*folder) == "2:13");
    CHECK(folder->loc.path == "app.json");
    const Value* filters = v->find("userIgnoreFilters");
    REQUIRE(filters);
    CHECK(filters->is_sequence());
    CHECK(where(*filters) == "3:24");
    REQUIRE(filters->items.size() == 2);
    CHECK(where(filters->items[0]) == "3:25");
    CHECK(filters->items[1].text == "/\\.excalidraw\\.md$/");
    CHECK(where(filters->items[1]) == "3:37");
    CHECK(v->find("n")->text == "-1.5e3");
    CHECK(where(*v->find("n")) == "4:8");
    CHECK(v->find("k")->text == "7");
    CHECK(where(*v->find("k")) == "4:20");
    CHECK(v->find("b")->text == "true");
    CHECK(where(*v->find("b")) == "4:27");
    CHECK(v->find("z")->is_null());
    CHECK(where(*v->find("z")) == "4:38");
    const Value* nested = v->find("é");
    REQUIRE(nested);
    CHECK(where(*nested) == "5:8");  // columns count characters: é is one
    CHECK(nested->find("q")->text == "say \"hi\"");
    CHECK(where(*nested->find("q")) == "5:14");
  }

  TEST_CASE("json: a bare number ending the text, and white space only") {
    DiagSink d;
    auto n = parse_json("a.json", "  42", d);
    REQUIRE(n);
    CHECK(n->text == "42");
    CHECK(where(*n) == "1:3");
    auto empty = parse_json("a.json", " \n", d);
    REQUIRE(empty);
    CHECK(empty->is_mapping());
    CHECK(d.empty());
  }

  TEST_CASE("json: a syntax error is one error where it was found") {
    DiagSink d;
    SUBCASE("a trailing comma") {
      CHECK_FALSE(parse_json("app.json", "{\n  \"a\": 1,\n}\n", d));
      CHECK(diag_text(d) ==
            "app.json:3:1: error: invalid JSON: syntax error while parsing object key - unexpected '}'; "
            "expected string literal\n");
    }
    SUBCASE("cut short: just past the end") {
      CHECK_FALSE(parse_json("app.json", "{\"a\": [1, 2", d));
      CHECK(diag_text(d) ==
            "app.json:1:12: error: invalid JSON: syntax error while parsing array - unexpected end of input; "
            "expected ']'\n");
    }
    SUBCASE("nested too deeply") {
      CHECK_FALSE(parse_json("deep.json", std::string(100, '['), d));
      CHECK(diag_text(d) == "deep.json:1:65: error: invalid JSON: nested more than 64 levels deep\n");
    }
  }
}
