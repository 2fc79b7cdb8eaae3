#include "kb/store/front_edit.h"

#include <doctest/doctest.h>

using namespace kb;

namespace {
YamlOut affiliation(const std::string& org, const std::string& role) {
  YamlOut m = YamlOut::map();
  m.add("org", YamlOut::str(org));
  if (!role.empty()) m.add("role", YamlOut::str(role));
  m.add("since", YamlOut::date("2025-01-01"));
  return m;
}
}  // namespace

TEST_SUITE("store") {
  TEST_CASE("front edit: an alias joins a flow list, comments and body kept byte for byte") {
    std::string text = "---\n# who\ntype: person\nname: 'Ana'  # quoted\naliases: [A, \"B: c\"]  # x\n---\nBody [x]\n";
    auto r = append_list_item("p.md", text, "aliases", YamlOut::str("no"));
    REQUIRE(r);
    CHECK(*r == "---\n# who\ntype: person\nname: 'Ana'  # quoted\naliases: [A, \"B: c\", \"no\"]  # x\n---\nBody [x]\n");
  }

  TEST_CASE("front edit: empty and multi-line flow lists") {
    CHECK(append_list_item("p.md", "---\naliases: []\n---\n", "aliases", YamlOut::str("X")) ==
          std::optional<std::string>("---\naliases: [X]\n---\n"));
    CHECK(append_list_item("p.md", "---\naliases: [A,\n  B]\nname: N\n---\n", "aliases", YamlOut::str("C")) ==
          std::optional<std::string>("---\naliases: [A,\n  B, C]\nname: N\n---\n"));
    CHECK(append_list_item("p.md", "---\naliases: [\"O'B\", 'it''s']\n---\n", "aliases", YamlOut::str("D")) ==
          std::optional<std::string>("---\naliases: [\"O'B\", 'it''s', D]\n---\n"));
  }

  TEST_CASE("front edit: a block list gets an item at its own indentation, CRLF kept") {
    SUBCASE("indented items, trailing comment stays after") {
      auto r = append_list_item("p.md", "---\naliases:\n    - A\n    - B\n# end\nname: N\n---\n", "aliases",
                                YamlOut::str("C"));
      REQUIRE(r);
      CHECK(*r == "---\naliases:\n    - A\n    - B\n    - C\n# end\nname: N\n---\n");
    }
    SUBCASE("items at column 1, CRLF") {
      auto r = append_list_item("p.md", "---\r\naliases:\r\n- A\r\n---\r\nb\r\n", "aliases", YamlOut::str("1.5"));
      REQUIRE(r);
      CHECK(*r == "---\r\naliases:\r\n- A\r\n- \"1.5\"\r\n---\r\nb\r\n");
    }
    SUBCASE("a mapping item") {
      auto r = append_list_item("p.md", "---\naffiliations:\n  - org: X\n    role: R\n---\n", "affiliations",
                                affiliation("UNESCO: IESALC", "Chief"));
      REQUIRE(r);
      CHECK(*r ==
            "---\naffiliations:\n  - org: X\n    role: R\n  - org: \"UNESCO: IESALC\"\n    role: Chief\n"
            "    since: 2025-01-01\n---\n");
    }
  }

  TEST_CASE("front edit: an absent or empty key becomes a list") {
    CHECK(append_list_item("p.md", "---\nname: N\n---\nbody\n", "aliases", YamlOut::str("A")) ==
          std::optional<std::string>("---\nname: N\naliases: [A]\n---\nbody\n"));
    CHECK(append_list_item("p.md", "---\naliases:\nname: N\n---\n", "aliases", YamlOut::str("A")) ==
          std::optional<std::string>("---\naliases:\n  - A\nname: N\n---\n"));
    CHECK(append_list_item("p.md", "---\nname: N\n---\n", "affiliations", affiliation("X", "")) ==
          std::optional<std::string>("---\nname: N\naffiliations:\n  - org: X\n    since: 2025-01-01\n---\n"));
  }

  TEST_CASE("front edit: refuses what it cannot edit safely") {
    SUBCASE("a scalar") { CHECK(!append_list_item("p.md", "---\naliases: A, B\n---\n", "aliases", YamlOut::str("C"))); }
    SUBCASE("a mapping") { CHECK(!append_list_item("p.md", "---\naliases:\n  a: b\n---\n", "aliases", YamlOut::str("C"))); }
    SUBCASE("broken YAML") { CHECK(!append_list_item("p.md", "---\naliases: [A\n---\n", "aliases", YamlOut::str("C"))); }
    SUBCASE("no front matter") { CHECK(!append_list_item("p.md", "just text\n", "aliases", YamlOut::str("C"))); }
    SUBCASE("an anchor") { CHECK(!append_list_item("p.md", "---\naliases: &a [A]\n---\n", "aliases", YamlOut::str("C"))); }
  }

  TEST_CASE("front edit: until: joins one block or flow affiliation, not the others") {
    const std::string text =
        "---\nname: N\naffiliations:\n  - org: A\n    role: R  # old\n\n  - {org: B}\n  - org: C\n"
        "tags: [t]\n---\nbody\n";
    auto r = add_item_key("p.md", text, "affiliations", 0, "until", YamlOut::date("2024-12-31"));
    REQUIRE(r);
    CHECK(*r ==
          "---\nname: N\naffiliations:\n  - org: A\n    role: R  # old\n    until: 2024-12-31\n\n  - {org: B}\n"
          "  - org: C\ntags: [t]\n---\nbody\n");
    r = add_item_key("p.md", *r, "affiliations", 1, "until", YamlOut::date("2024-12-31"));
    REQUIRE(r);
    CHECK(r->find("  - {org: B, until: 2024-12-31}\n") != std::string::npos);
    r = add_item_key("p.md", *r, "affiliations", 2, "until", YamlOut::date("2024-12-31"));
    REQUIRE(r);
    CHECK(r->find("  - org: C\n    until: 2024-12-31\ntags: [t]\n") != std::string::npos);
    CHECK(!add_item_key("p.md", *r, "affiliations", 2, "until", YamlOut::date("2024-12-31")));  // has one
    CHECK(!add_item_key("p.md", *r, "affiliations", 3, "until", YamlOut::date("2024-12-31")));  // no such item
  }

  TEST_CASE("front edit: a scalar is replaced in place, its comment kept") {
    CHECK(set_scalar("p.md", "---\nname: 'Old'  # c\n---\n", "name", YamlOut::str("New: x")) ==
          std::optional<std::string>("---\nname: \"New: x\"  # c\n---\n"));
    CHECK(set_scalar("p.md", "---\nname: Old\nx: 1\n---\n", "name", YamlOut::str("New")) ==
          std::optional<std::string>("---\nname: New\nx: 1\n---\n"));
    CHECK(set_scalar("p.md", "---\nname:\n---\n", "name", YamlOut::str("Nora")) ==
          std::optional<std::string>("---\nname: Nora\n---\n"));
    CHECK(set_scalar("p.md", "---\nx: 1\n---\n", "name", YamlOut::str("Nora")) ==
          std::optional<std::string>("---\nx: 1\nname: Nora\n---\n"));
    CHECK(!set_scalar("p.md", "---\nname: |\n  a\n---\n", "name", YamlOut::str("N")));
    CHECK(!set_scalar("p.md", "---\nname: [a]\n---\n", "name", YamlOut::str("N")));
  }
}
