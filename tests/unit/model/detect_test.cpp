#include "kb/model/detect.h"

#include <doctest/doctest.h>

#include "kb/model/load.h"
#include "support/mem_fs.h"

using namespace kb;

TEST_SUITE("model") {
  TEST_CASE("detect: a categories-based vault gets types and field names from what its notes use") {
    test::MemFileSystem fs;
    fs.add("Meetings/2024-09-02 Acme.md",
           "---\ncategories:\n  - \"[[Meetings]]\"\ndate: 2024-09-02\npeople: [\"[[Ana]]\"]\norg: [\"[[Acme]]\"]\nloc: Paris\n---\n");
    fs.add("Meetings/2024-09-03 Bolt.md",
           "---\ncategories: [[Meetings]]\ndate: 2024-09-03\npeople: [\"[[Bo]]\"]\norg: Bolt\n---\n");
    fs.add("References/Ana.md", "---\ncategories: [\"[[People]]\"]\n---\n");
    fs.add("References/Acme.md", "---\ncategory: Companies\n---\n");
    fs.add("Work/Events/Summit.md", "---\nstart: 2024-10-01\n---\n");
    fs.add("people/plain.md", "---\ntype: person\n---\n");
    DetectedMapping m = detect_mapping(fs);
    CHECK(m.notes == 6);
    CHECK(render_mapping_yaml(m) ==
          "# Proposed by 'kb init --detect' from 6 notes:\n"
          "#   2 notes have categories '[[Meetings]]'\n"
          "#   1 note has category 'Companies'\n"
          "#   1 note has categories '[[People]]'\n"
          "#   folder 'Work/Events' holds 1 note\n"
          "#   2 of 2 meetings use 'people' for attendees (0 use 'attendees')\n"
          "#   2 of 2 meetings use 'org' for organizations (0 use 'organizations')\n"
          "#   1 of 2 meetings use 'loc' for location (0 use 'location')\n"
          "#   2 of 2 meetings have no 'title': their file name is the title\n"
          "fields:\n"
          "  attendees: people\n"
          "  location: loc\n"
          "  organizations: org\n"
          "  title: file.name\n"
          "types:\n"
          "  meeting:\n"
          "    categories: \"[[Meetings]]\"\n"
          "  person:\n"
          "    categories: \"[[People]]\"\n"
          "  organization:\n"
          "    category: \"Companies\"\n"
          "  event:\n"
          "    folder: \"Work/Events\"\n");
    CHECK(m.typed[RecordType::meeting] == 2);
    CHECK(m.typed[RecordType::person] == 2);
    CHECK(m.typed[RecordType::organization] == 1);
    CHECK(m.typed[RecordType::event] == 1);
  }

  TEST_CASE("detect: the proposal, written to kb.yaml, is read back as the same mapping") {
    test::MemFileSystem fs;
    fs.add("Notes/Call.md", "---\ncategories: [\"[[Meetings]]\"]\ndate: 2024-01-02\nwith: [Ana]\n---\n");
    DetectedMapping m = detect_mapping(fs);
    DiagSink d;
    KbConfig c = parse_config("kb.yaml", render_mapping_yaml(m), d);
    CHECK(d.empty());
    CHECK(c.field_names == m.fields);
    REQUIRE(c.type_rules.size() == 1);
    CHECK(c.type_rules[0].key == "categories");
    CHECK(c.type_rules[0].value == "[[Meetings]]");
    fs.add("kb.yaml", render_mapping_yaml(m));
    LoadResult r = load_kb(fs);
    const Record* call = r.kb.lookup_rid("Notes/Call");
    REQUIRE(call != nullptr);
    CHECK(call->type == RecordType::meeting);
    CHECK(call->name == "Call");
    REQUIRE(call->attendees.size() == 1);
    CHECK(call->attendees[0].person.text == "Ana");
  }

  TEST_CASE("detect: a vault kb already reads needs no mapping") {
    test::MemFileSystem fs;
    fs.add("meetings/m.md", "---\ntitle: M\ndate: 2024-01-02\nattendees: [Ana]\n---\n");
    fs.add("people/ana.md", "---\nname: Ana\n---\n");
    CHECK(render_mapping_yaml(detect_mapping(fs)).empty());
  }
}
