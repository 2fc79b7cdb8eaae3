#include "kb/parse/yaml_emit.h"

#include <doctest/doctest.h>

#include "kb/parse/front_matter.h"

using namespace kb;

namespace {

// Emits {key: value} and reads it back with kb's own parser.
Value round_trip(const YamlOut& value) {
  YamlOut m = YamlOut::map();
  m.add("v", value);
  std::string text = "---\n" + emit_yaml(m) + "---\n";
  DiagSink d;
  auto fm = parse_front_matter("x.md", text, d);
  REQUIRE(fm);
  CHECK(d.empty());
  const Value* v = fm->fields.find("v");
  REQUIRE(v);
  return *v;
}

}  // namespace

TEST_SUITE("parse") {
  TEST_CASE("yaml emit: strings a YAML 1.1 or 1.2 reader would misread are quoted") {
    for (const char* s : {"no", "No", "YES", "on", "off", "y", "n", "true", "False", "~", "null", "Null", "",
                          "14:00", "1e3", "0x1F", "2024-09-02", "12", "-1", ".inf", "[a]", "{a}", "*ref", "&anchor",
                          "!tag", "|", ">", "'q'", "\"q\"", "%x", "@x", "`x`", "# x", "a: b", "a #b", "a,b",
                          " lead", "trail ", "a\tb", "line\nbreak", "- item", "? key", "=", "<<"})
      CHECK_MESSAGE(yaml_needs_quotes(s), s);
    for (const char* s : {"Francesc Pedro", "UNESCO-IESALC", "Francesc Pedró", "LIANG Jiansheng", "张伟",
                          "O'Brien", "Paris (France)", "Europe/Paris", "noon", "Norway"})
      CHECK_MESSAGE(!yaml_needs_quotes(s), s);
  }

  TEST_CASE("yaml emit: emitted front matter reads back as written") {
    for (const char* s : {"no", "on", "~", "null", "14:00", "1e3", "2024-09-02", ": # [ ] \" 🎉", "../../etc/passwd",
                          "[[Francesc Pedro]]", "a\\b", "tab\there", "’curly’ «guillemets»", "- [ ] not a task"}) {
      Value v = round_trip(YamlOut::str(s));
      CHECK(v.is_scalar());
      CHECK(v.text == s);
    }
    Value d = round_trip(YamlOut::date("2024-09-02"));
    CHECK(d.text == "2024-09-02");
    YamlOut seq = YamlOut::seq(true);
    seq.push(YamlOut::str("UNESCO-ICHEI")).push(YamlOut::str("a, b")).push(YamlOut::str("no"));
    Value s = round_trip(seq);
    REQUIRE(s.is_sequence());
    REQUIRE(s.items.size() == 3);
    CHECK(s.items[1].text == "a, b");
    CHECK(s.items[2].text == "no");
  }

  TEST_CASE("yaml emit: the emitted text is plain where it can be and quoted where it must be") {
    YamlOut m = YamlOut::map();
    m.add("type", YamlOut::str("meeting"));
    m.add("title", YamlOut::str("Visit: IESALC"));
    m.add("date", YamlOut::date("2024-09-02"));
    m.add("time", YamlOut::str("14:00"));
    m.add("organizations", YamlOut::seq(true).push(YamlOut::str("UNESCO-IESALC")).push(YamlOut::str("no")));
    m.add("attendees", YamlOut::seq(false).push(YamlOut::str("Francesc Pedro")));
    CHECK(emit_yaml(m) ==
          "type: meeting\n"
          "title: \"Visit: IESALC\"\n"
          "date: 2024-09-02\n"
          "time: \"14:00\"\n"
          "organizations: [UNESCO-IESALC, \"no\"]\n"
          "attendees:\n"
          "  - Francesc Pedro\n");
  }
}
