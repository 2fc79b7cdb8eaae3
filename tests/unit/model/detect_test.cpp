#include "kb/model/detect.h"

#include <doctest/doctest.h>

#include "kb/model/load.h"
#include "kb/model/vault_settings.h"
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

TEST_SUITE("model") {
  TEST_CASE("detect: template folders are not evidence; those no setting names are proposed as ignore entries") {
    test::MemFileSystem fs;
    const std::string call = "---\ncategories: [\"[[Meetings]]\"]\ndate: 2024-01-02\nwith: [Ana]\n---\n";
    // Templates that would outvote the one real meeting's keys if they were read.
    const std::string tpl = "---\ncategories: [\"[[Meetings]]\"]\ndate: {{date}}\nattendees: []\n---\n";
    fs.add("Notes/Call.md", call);
    fs.add("99 - Templates/Meeting.md", tpl);
    fs.add("Meta/_templates/Call.md", tpl);
    fs.add("Meta/_templates/sub/Call 2.md", tpl);
    fs.add("Templater/Meeting.md", tpl);  // named by Templater's settings: skipped already
    fs.add("Projects/Template library.md", call);  // a note, not a folder of templates
    fs.add(kTemplaterSettings, R"({"templates_folder": "Templater"})");
    DetectedMapping m = detect_mapping(fs);
    CHECK(m.notes == 2);
    CHECK(m.ignore == std::vector<std::string>{"99 - Templates/**", "Meta/_templates/**"});
    CHECK(render_mapping_yaml(m) ==
          "# Proposed by 'kb init --detect' from 2 notes:\n"
          "#   1 note is skipped already (kb.yaml's ignore, the vault's template folders and excluded files)\n"
          "#   folder '99 - Templates' holds 1 template, not notes\n"
          "#   folder 'Meta/_templates' holds 2 templates, not notes\n"
          "#   2 notes have categories '[[Meetings]]'\n"
          "#   2 of 2 meetings use 'with' for attendees (0 use 'attendees')\n"
          "#   2 of 2 meetings have no 'title': their file name is the title\n"
          "ignore:\n"
          "  - \"99 - Templates/**\"\n"
          "  - \"Meta/_templates/**\"\n"
          "fields:\n"
          "  attendees: with\n"
          "  title: file.name\n"
          "types:\n"
          "  meeting:\n"
          "    categories: \"[[Meetings]]\"\n");
    // Written to kb.yaml, the proposal skips them, and detecting again proposes no ignore entry.
    fs.add("kb.yaml", render_mapping_yaml(m));
    LoadResult r = load_kb(fs);
    CHECK(r.files == 2);
    for (const auto& d : r.diags.all())
      for (const char* folder : {"99 - Templates/", "Meta/_templates/", "Templater/"}) CHECK(d.loc.path.str().rfind(folder, 0) != 0);
    CHECK(detect_mapping(fs).ignore.empty());
  }
}
