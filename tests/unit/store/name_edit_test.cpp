#include "kb/store/name_edit.h"

#include <doctest/doctest.h>

#include "kb/store/front_edit.h"

using namespace kb;

TEST_SUITE("store") {
  TEST_CASE("name item: whole text, link targets with heading and shown text, list items") {
    CHECK(rename_name_item(" Ana ", "Ana", "Ana Bell") == std::optional<std::string>(" Ana Bell "));
    CHECK(rename_name_item("[[Ana#Bio|A.]]", "Ana", "Ana Bell") == std::optional<std::string>("[[Ana Bell#Bio|A.]]"));
    CHECK(rename_name_item("[[Ana]], [[Bo]]", "Bo", "Bob") == std::optional<std::string>("[[Ana]], [[Bob]]"));
    CHECK(rename_name_item("Ana, Bo, Ana", "Ana", "Al") == std::optional<std::string>("Al, Bo, Al"));
    CHECK_FALSE(rename_name_item("Anabel", "Ana", "Al"));
    CHECK_FALSE(rename_name_item("[[Anabel]]", "Ana", "Al"));
  }

  TEST_CASE("replace scalars: any quoting, nested, kept where plain, quoted where needed") {
    std::string text = "---\nattendees: [Ana, 'Bo']  # two\nx:\n  - name: \"Cy\"\n---\nbody\n";
    auto r = replace_scalars("m.md", text, {{2, 18, "Bo: B"}, {4, 11, "Cyd"}, {2, 13, "Al"}});
    REQUIRE(r);
    CHECK(*r == "---\nattendees: [Al, \"Bo: B\"]  # two\nx:\n  - name: Cyd\n---\nbody\n");
    CHECK_FALSE(replace_scalars("m.md", text, {{2, 15, "X"}}));  // no scalar starts there
    CHECK_FALSE(replace_scalars("m.md", "---\na: |\n  x\n---\n", {{2, 4, "y"}}));
  }

  TEST_CASE("rename names: fields and body lines, every other byte kept, CRLF") {
    std::string text = "---\r\nattendees: [\"[[Ana|A]]\", Bo]\r\n---\r\nSee [[Ana]] and `[[Bo]]`.\r\n[[Ana#x]]\r\n";
    auto r = rename_names("m.md", text, {{2, 13, false, "Ana", "Ana Bell"}, {4, 5, true, "Ana", "Ana Bell"}});
    REQUIRE(r);
    CHECK(*r == "---\r\nattendees: [\"[[Ana Bell|A]]\", Bo]\r\n---\r\nSee [[Ana Bell]] and `[[Bo]]`.\r\n[[Ana#x]]\r\n");
    CHECK_FALSE(rename_names("m.md", text, {{4, 5, true, "Cy", "Cyd"}}));   // nothing named so there
    CHECK_FALSE(rename_names("m.md", text, {{2, 13, true, "Ana", "Al"}}));  // a body change in the front matter
  }

  TEST_CASE("rename names: Markdown links to the renamed file, relative to the note") {
    std::string text = "---\ntitle: T\n---\n[A](../people/ana.md#Bio), [B](<../people/bo.md>)\n";
    auto r = rename_names("meetings/m.md", text, {{4, 1, true, "people/ana", "people/ana-bell"}});
    REQUIRE(r);
    CHECK(*r == "---\ntitle: T\n---\n[A](../people/ana-bell.md#Bio), [B](<../people/bo.md>)\n");
  }
}
