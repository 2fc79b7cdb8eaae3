#include "kb/model/record_builder.h"

#include <doctest/doctest.h>

#include "support/diag_text.h"

#include <set>

#include "kb/model/load.h"
#include "support/mem_fs.h"

using namespace kb;

namespace {

using kb::test::diag_text;

const Record& rec(const KnowledgeBase& kb, const char* rid) {
  const Record* r = kb.lookup_rid(rid);
  REQUIRE(r != nullptr);
  return *r;
}

std::string name_of(const KnowledgeBase& kb, NodeId id) {
  const Record* r = kb.lookup(id);
  return r ? r->name : std::string("?");
}

constexpr const char* kVaultConfig =
    "fields:\n  attendees: people\n  organizations: org\n  location: loc\n  title: file.name\n"
    "types:\n  meeting:\n    categories: \"[[Meetings]]\"\n    folder: Calls\n"
    "  person:\n    categories: \"[[People]]\"\n  organization:\n    categories: [\"[[Organizations]]\", \"[[Companies]]\"]\n";

}  // namespace

TEST_SUITE("model") {
  TEST_CASE("kb.yaml: types and fields are read") {
    DiagSink d;
    KbConfig c = parse_config("kb.yaml", kVaultConfig, d);
    CHECK(d.empty());
    CHECK(c.field_names.at("attendees") == "people");
    REQUIRE(c.type_rules.size() == 5);
    CHECK(c.type_rules[0].type == RecordType::meeting);
    CHECK(c.type_rules[0].key == "categories");
    CHECK(c.type_rules[0].value == "[[Meetings]]");
    CHECK(c.type_rules[1].folder == "Calls");
    CHECK(c.type_rules[4].value == "[[Companies]]");
    DiagSink unquoted;
    KbConfig u = parse_config("kb.yaml", "types:\n  meeting:\n    categories: [[Meetings]]\n", unquoted);
    REQUIRE(u.type_rules.size() == 1);
    CHECK(u.type_rules[0].value == "Meetings");
    DiagSink bad;
    parse_config("kb.yaml", "types:\n  widget:\n    categories: x\n", bad);
    CHECK(diag_text(bad) ==
          "kb.yaml:3:5: error: invalid 'types' entry 'widget' (expected meeting, person, organization, topic or "
          "event, each mapping keys to values)\n");
  }

  TEST_CASE("record builder: a categories-based vault is typed and mapped through kb.yaml") {
    test::MemFileSystem fs;
    fs.add("kb.yaml", kVaultConfig);
    fs.add("Meetings/2024-09-02 Call with Acme.md",
           "---\ncategories:\n  - \"[[Meetings]]\"\ndate: 2024-09-02\npeople: [\"[[Ana Bell|Ana]]\"]\n"
           "org: \"[[Acme]]\"\nloc: [\"[[Paris]]\", Lyon]\n---\n- [ ] Send [[Ana Bell]] [due:: 2024-09-10]\n");
    fs.add("Calls/2024-09-03 Quick.md", "---\ndate: 2024-09-03T09:30\n---\n");
    fs.add("References/Ana Bell.md", "---\ncategories: [\"[[People]]\"]\norg: [\"[[Acme]]\"]\nrole: CTO\n---\n");
    fs.add("References/Acme.md", "---\ncategories: \"[[Companies]]\"\n---\n");
    fs.add("References/Paris.md", "---\ncategories: [\"[[Places]]\"]\n---\n");
    LoadResult r = load_kb(fs);
    CHECK(r.skipped.empty());
    const KnowledgeBase& kb = r.kb;
    const Record& m = rec(kb, "Meetings/2024-09-02 Call with Acme");
    CHECK(m.type == RecordType::meeting);
    CHECK(m.name == "2024-09-02 Call with Acme");
    CHECK(m.location == "Paris, Lyon");
    REQUIRE(m.attendees.size() == 1);
    CHECK(name_of(kb, m.attendees[0].person.target) == "Ana Bell");
    CHECK(name_of(kb, m.attendees[0].org) == "Acme");
    CHECK(m.attendees[0].role == "CTO");
    REQUIRE(m.organizations.size() == 1);
    CHECK(kb.at(m.organizations[0].target).type == RecordType::organization);
    REQUIRE(m.actions->size() == 1);
    CHECK((*m.actions)[0].due == Date{2024, 9, 10});
    CHECK(name_of(kb, (*m.actions)[0].owner) == "Ana Bell");
    const Record& quick = rec(kb, "Calls/2024-09-03 Quick");
    CHECK(quick.type == RecordType::meeting);
    CHECK(quick.date == Date{2024, 9, 3});
    CHECK(quick.time == "09:30");
    CHECK(rec(kb, "References/Paris").type == RecordType::note);
  }

  TEST_CASE("record builder: aliases, tags and keywords as lists or comma strings, with or without #") {
    test::MemFileSystem fs;
    fs.add("people/a.md", "---\nname: Ana Bell\naliases: Ana, A. Bell\ntags: \"#people, vip\"\n---\nHi #met-2024\n");
    fs.add("people/b.md", "---\nname: Bo Chen\nalias: Bo\ntag: [\"#x\", y]\nkeywords: z\n---\n");
    LoadResult r = load_kb(fs);
    const Record& a = rec(r.kb, "people/a");
    CHECK(a.aliases == std::vector<std::string>{"Ana", "A. Bell"});
    CHECK(a.tags == std::vector<kb::SharedString>{"people", "vip", "met-2024"});
    const Record& b = rec(r.kb, "people/b");
    CHECK(b.aliases == std::vector<std::string>{"Bo"});
    CHECK(b.tags == std::vector<kb::SharedString>{"x", "y", "z"});
  }

  TEST_CASE("record builder: an alias in a list is one name, commas and all") {
    test::MemFileSystem fs;
    fs.add("people/a.md", "---\nname: Zoë Taylor\naliases: [Zoe Taylor, \"Taylor, Zoë\"]\n---\n");
    fs.add("people/b.md", "---\nname: Zoë Gürsoy\naliases:\n  - \"Gürsoy, Zoë\"\n---\n");
    fs.add("meetings/m.md", "---\ntitle: M\ndate: 2024-01-05\nattendees: [\"Taylor, Zoë\"]\n---\n");
    LoadResult r = load_kb(fs);
    CHECK(rec(r.kb, "people/a").aliases == std::vector<std::string>{"Zoe Taylor", "Taylor, Zoë"});
    CHECK(rec(r.kb, "people/b").aliases == std::vector<std::string>{"Gürsoy, Zoë"});
    CHECK(r.diags.all().empty());  // no duplicate 'Zoë', no unresolved attendee
    CHECK(r.kb.at(rec(r.kb, "meetings/m").attendees.at(0).person.target).name == "Zoë Taylor");
  }

  TEST_CASE("record builder: an unquoted [[link]] list in YAML is flattened with a warning") {
    test::MemFileSystem fs;
    fs.add("meetings/m.md",
           "---\ntitle: M\ndate: 2024-01-05\nattendees:\n  - [[Ana Bell]]\n  - Bo Chen\norganizations: [[Acme]]\n---\n");
    fs.add("people/a.md", "---\nname: Ana Bell\n---\n");
    fs.add("people/b.md", "---\nname: Bo Chen\n---\n");
    fs.add("orgs/acme.md", "---\nname: Acme\n---\n");
    LoadResult r = load_kb(fs);
    CHECK(r.skipped.empty());
    const Record& m = rec(r.kb, "meetings/m");
    REQUIRE(m.attendees.size() == 2);
    CHECK(name_of(r.kb, m.attendees[0].person.target) == "Ana Bell");
    REQUIRE(m.organizations.size() == 1);
    CHECK(name_of(r.kb, m.organizations[0].target) == "Acme");
    CHECK(diag_text(r.diags) ==
          "meetings/m.md:5:5: warning: unquoted [[link]] in 'attendees' reads as a nested list; write \"[[Ana Bell]]\" in quotes\n"
          "meetings/m.md:7:17: warning: unquoted [[link]] in 'organizations' reads as a nested list; write \"[[Acme]]\" in quotes\n");
  }

  TEST_CASE("record builder: date-only values are never shifted; a date-time keeps its wall clock") {
    test::MemFileSystem fs;
    fs.add("meetings/a.md", "---\ntitle: A\ndate: 2024-12-31T23:30:00-08:00\n---\n");
    fs.add("meetings/b.md", "---\ntitle: B\ndate: \"[[2024-01-01]]\"\n---\n");
    fs.add("meetings/c.md", "---\ntitle: C\ndate: 2024-03-31\n---\n");
    LoadResult r = load_kb(fs);
    CHECK(rec(r.kb, "meetings/a").date == Date{2024, 12, 31});
    CHECK(rec(r.kb, "meetings/a").time == "23:30");
    CHECK(rec(r.kb, "meetings/b").date == Date{2024, 1, 1});
    CHECK(rec(r.kb, "meetings/c").date == Date{2024, 3, 31});
    CHECK(rec(r.kb, "meetings/c").time.empty());
  }

  TEST_CASE("record builder: embeds of attachments are not mentions; body tags and task fields reach the record") {
    test::MemFileSystem fs;
    fs.add("meetings/m.md",
           "---\ntitle: M\ndate: 2024-01-05\ntags: [a]\n---\n![[chart.png]] ![[Ana Bell]] #b #A\n\n"
           "- [-] Dropped \xE2\x9D\x8C 2024-01-06\n- [ ] Soon \xE2\x8F\xAB \xE2\x8F\xB3 2024-01-08\n");
    fs.add("people/a.md", "---\nname: Ana Bell\n---\n");
    LoadResult r = load_kb(fs);
    const Record& m = rec(r.kb, "meetings/m");
    REQUIRE(m.mentions->size() == 1);
    CHECK((*m.mentions)[0].text == "Ana Bell");
    CHECK(m.tags == std::vector<kb::SharedString>{"a", "b"});
    REQUIRE(m.actions->size() == 2);
    CHECK((*m.actions)[0].cancelled);
    CHECK((*m.actions)[0].cancelled_on == Date{2024, 1, 6});
    CHECK((*m.actions)[1].priority == static_cast<int>(TaskPriority::high));
    CHECK((*m.actions)[1].scheduled == Date{2024, 1, 8});
  }
  TEST_CASE("record builder: packed links keep each text once and give every link back in order") {
    // Texts repeated, and more distinct texts than the linear search takes, so the map is used.
    std::vector<NameRef> mentions;
    std::vector<std::pair<std::string, int>> want;
    for (int i = 0; i < 150; ++i) {
      // 50 names, then each again in reverse order and again in order, "Ana Bell" every fifth.
      const int n = i < 50 ? i : i < 100 ? 99 - i : i - 100;
      std::string text = i % 5 == 0 ? "Ana Bell" : "Name " + std::to_string(n);
      mentions.push_back({text, SourceLoc{"meetings/m.md", 10 + i, 3 + i}, {}});
      want.emplace_back(text, 10 + i);
    }
    mentions.push_back({"", SourceLoc{"meetings/m.md", 200, 1}, {}});  // an empty text is a text too
    want.emplace_back("", 200);
    mentions.push_back({"Name 49", SourceLoc{"meetings/m.md", 201, 1}, {}});
    want.emplace_back("Name 49", 201);
    RecordSides::PackedLinks packed;
    packed.pack(mentions);
    CHECK(mentions.empty());
    REQUIRE(packed.marks.size() == want.size());
    for (std::size_t k = 0; k < want.size(); ++k) {
      CHECK(packed.text(packed.marks[k]) == want[k].first);
      CHECK(packed.marks[k].line == want[k].second);
      CHECK(packed.marks[k].column == (want[k].second >= 200 ? 1 : want[k].second - 7));
    }
    std::set<std::string> distinct;
    for (const auto& w : want) distinct.insert(w.first);
    REQUIRE(distinct.size() > 33);  // past the linear search
    CHECK(packed.ends.size() == distinct.size());
    std::size_t bytes = 0;
    for (std::uint32_t i = 0; i < packed.ends.size(); ++i) bytes += packed.text({i, 0, 0}).size();
    CHECK(packed.texts.size() == bytes);
  }

  TEST_CASE("record builder: a note's path is one string, shared by the record and every location in it") {
    test::MemFileSystem fs;
    fs.add("meetings/m.md", "---\ntitle: M\ndate: 2024-01-05\nattendees: [Ana Bell]\n---\nMet [[Ana Bell]].\n\n- [ ] Call [[Ana Bell]]\n");
    fs.add("people/a.md", "---\nname: Ana Bell\n---\n");
    LoadResult r = load_kb(fs);
    const Record& m = rec(r.kb, "meetings/m");
    CHECK(m.path == "meetings/m.md");
    REQUIRE(m.attendees.size() == 1);
    REQUIRE(m.mentions->size() == 2);
    REQUIRE(m.actions->size() == 1);
    const std::string* one = &m.path.str();
    CHECK(&m.attendees[0].person.loc.path.str() == one);  // from the front matter
    CHECK(&(*m.mentions)[0].loc.path.str() == one);    // from the body
    CHECK(&(*m.actions)[0].loc.path.str() == one);
    CHECK(&m.text->fields.loc.path.str() == one);
  }

  TEST_CASE("issue 24: a name field of the wrong shape is an error at its value, never a name") {
    test::MemFileSystem fs;
    fs.add("people/ana.md", "---\nname: Ana Bell\norg: {name: Acme}\n---\n");
    fs.add("orgs/acme.md", "---\nname: Acme\nparent: 42\naliases: {short: A}\n---\n");
    fs.add("events/dlw.md", "---\nname: DLW\n---\n");
    fs.add("meetings/m.md",
           "---\ntitle: M\ndate: 2024-01-05\nattendees: 42\norganizations: {name: Acme}\n"
           "topics: [AI, 3.5]\nevent: [DLW]\n---\n");
    fs.add("meetings/n.md",
           "---\ntitle: N\ndate: 2024-01-06\nattendees:\n  - Ana Bell\n  - {name: Ana Bell, role: Chair}\n  - 1e3\n"
           "event: {name: DLW}\n---\n");
    LoadResult r = load_kb(fs);
    CHECK(diag_text(r.diags) ==
          "meetings/m.md:4:12: error: 'attendees' must be a list of names\n"
          "meetings/m.md:5:16: error: 'organizations' must be a list of names\n"
          "meetings/m.md:6:14: error: 'topics' must be a list of names\n"
          "meetings/n.md:7:5: error: 'attendees' must be a list of names\n"
          "meetings/n.md:8:8: error: 'event' must be a name\n"
          "orgs/acme.md:3:9: error: 'parent' must be a name\n"
          "orgs/acme.md:4:10: error: 'aliases' must be a list of names\n"
          "people/ana.md:3:6: error: 'org' must be a list of names\n");
    const Record& m = rec(r.kb, "meetings/m");
    CHECK(m.attendees.empty());
    CHECK(m.organizations.empty());
    CHECK(m.topics.empty());
    CHECK(name_of(r.kb, m.event.target) == "DLW");  // a list of one name is that name
    CHECK(rec(r.kb, "meetings/n").attendees.empty());
    CHECK(rec(r.kb, "orgs/acme").aliases.empty());
    CHECK(rec(r.kb, "people/ana").entity->affiliations.empty());
    for (const auto& x : r.kb.records()) CHECK(x.name != "42");
  }
}

TEST_SUITE("model") {
  TEST_CASE("check note text: parse and type errors both fail the check, with their locations") {
    KbConfig config;
    DiagSink ok;
    CHECK(check_note_text(config, "people/a.md", "---\ntype: person\nname: Ana\n---\n", ok));
    CHECK(diag_text(ok).empty());
    DiagSink yaml;
    CHECK(!check_note_text(config, "people/a.md", "---\ntype: person\nname: [Ana\n---\n", yaml));
    CHECK(diag_text(yaml) == "people/a.md:4:1: error: invalid YAML: end of sequence flow not found\n");
    DiagSink typed;
    CHECK(!check_note_text(config, "people/a.md", "---\ntype: person\nname: Ana\naffiliations:\n  - role: R\n---\n", typed));
    CHECK(diag_text(typed) == "people/a.md:5:5: error: affiliation without an 'org'\n");
  }
}

TEST_SUITE("model") {
  TEST_CASE("issue 23: property names are matched ignoring case, as Obsidian does") {
    test::MemFileSystem fs;
    fs.add("kb.yaml", "fields:\n  location: Place\ntypes:\n  meeting:\n    categories: \"[[Meetings]]\"\n");
    fs.add("Calls/a.md",
           "---\nCategories: [\"[[Meetings]]\"]\nTitle: Call A\nDate: 2024-09-02\nTIME: \"14:00\"\nAttendees: [Ana Bell]\n"
           "Organizations: [Acme]\nTags: [bilateral]\nplace: Paris\n---\n");
    fs.add("people/ana.md", "---\nType: person\nName: Ana Bell\nAliases: [Ana]\n---\n");
    fs.add("orgs/acme.md", "---\nname: Acme\n---\n");
    fs.add("meetings/b.md", "---\ntitle: B\nTitle: Not this one\ndate: 2024-09-03\nattendees: [Ana]\n---\n");
    LoadResult r = load_kb(fs);
    CHECK(diag_text(r.diags).empty());
    const Record& a = rec(r.kb, "Calls/a");
    CHECK(a.type == RecordType::meeting);
    CHECK(a.name == "Call A");
    CHECK(a.date == Date{2024, 9, 2});
    CHECK(a.time == "14:00");
    CHECK(a.location == "Paris");
    CHECK(a.tags == std::vector<kb::SharedString>{"bilateral"});
    REQUIRE(a.attendees.size() == 1);
    CHECK(name_of(r.kb, a.attendees[0].person.target) == "Ana Bell");
    REQUIRE(a.organizations.size() == 1);
    CHECK(name_of(r.kb, a.organizations[0].target) == "Acme");
    CHECK(rec(r.kb, "people/ana").aliases == std::vector<std::string>{"Ana"});
    CHECK(rec(r.kb, "meetings/b").name == "B");  // the exact name first
    // A message names the key as written.
    DiagSink d;
    check_note_text(KbConfig(), "meetings/c.md", "---\ntitle: C\nDate: 2024-09-02\nAttendees: 42\n---\n", d);
    CHECK(diag_text(d) == "meetings/c.md:4:12: error: 'Attendees' must be a list of names\n");
  }

  TEST_CASE("issue 23: one string in a list field is several names; a comma inside [[...]] is not a split") {
    test::MemFileSystem fs;
    fs.add("meetings/m.md",
           "---\ntitle: M\ndate: 2024-09-02\nattendees: Ada Lovelace, Alan Turing\n"
           "organizations: \"[[Acme]], [[Bolt, Inc.|Bolt]]\"\ntopics: AI,  , Policy\n---\n");
    fs.add("meetings/n.md", "---\ntitle: N\ndate: 2024-09-03\nattendees: [\"Lovelace, Ada\"]\nevent: Summit, 2024\n---\n");
    LoadResult r = load_kb(fs);
    const Record& m = rec(r.kb, "meetings/m");
    REQUIRE(m.attendees.size() == 2);
    CHECK(m.attendees[0].person.text == "Ada Lovelace");
    CHECK(m.attendees[1].person.text == "Alan Turing");
    REQUIRE(m.organizations.size() == 2);
    CHECK(m.organizations[0].text == "Acme");
    CHECK(m.organizations[1].text == "Bolt, Inc.");
    REQUIRE(m.topics.size() == 2);
    CHECK(m.topics[1].text == "Policy");
    const Record& n = rec(r.kb, "meetings/n");
    REQUIRE(n.attendees.size() == 1);  // an item of a YAML list is one name
    CHECK(n.attendees[0].person.text == "Lovelace, Ada");
    CHECK(n.event.text == "Summit, 2024");  // a single-name field is never split
  }

  TEST_CASE("issue 23: time as vaults write it; dates written another way are an error that says how") {
    test::MemFileSystem fs;
    fs.add("meetings/a.md", "---\ntitle: A\ndate: 2024-09-02\ntime: 2024-09-02T10:30:00\n---\n");
    fs.add("meetings/b.md", "---\ntitle: B\ndate: 2024-09-02\ntime: 9:30\n---\n");
    fs.add("meetings/c.md", "---\ntitle: C\ndate: 2024-09-02\ntime: \"14:00:00\"\n---\n");
    fs.add("meetings/d.md", "---\ntitle: D\ndate: 2024/09/02\n---\n");
    fs.add("meetings/e.md", "---\ntitle: E\ndate: 2024-09-02\ntime: 9.30\n---\n");
    fs.add("people/p.md", "---\nname: P\naffiliations:\n  - org: X\n    since: 2024.1.5\n---\n");
    fs.add("events/s.md", "---\ntype: event\nname: S\nstart: 02/09/2024\n---\n");
    fs.add("orgs/x.md", "---\nname: X\n---\n");
    LoadResult r = load_kb(fs);
    CHECK(rec(r.kb, "meetings/a").time == "10:30");
    CHECK(rec(r.kb, "meetings/b").time == "09:30");
    CHECK(rec(r.kb, "meetings/c").time == "14:00");
    CHECK(rec(r.kb, "meetings/e").time.empty());
    CHECK(diag_text(r.diags) ==
          "events/s.md:4:8: error: invalid date '02/09/2024' (expected YYYY-MM-DD)\n"
          "meetings/d.md:3:7: error: invalid date '2024/09/02' (expected YYYY-MM-DD, as in '2024-09-02')\n"
          "meetings/e.md:4:7: error: invalid time '9.30' (expected HH:MM, 24 h)\n"
          "people/p.md:5:12: error: invalid date '2024.1.5' (expected YYYY-MM-DD, as in '2024-01-05')\n");
  }

  TEST_CASE("meeting: end and duration give the end time; bad ones are errors at the value") {
    test::MemFileSystem fs;
    fs.add("meetings/a.md", "---\ntitle: A\ndate: 2024-09-02\ntime: \"14:00\"\nend: \"15:30\"\n---\n");
    fs.add("meetings/b.md", "---\ntitle: B\ndate: 2024-09-02\ntime: \"09:00\"\nduration: PT1H15M\n---\n");
    fs.add("meetings/c.md", "---\ntitle: C\ndate: 2024-09-02\ntime: \"23:00\"\nduration: 90\n---\n");
    fs.add("meetings/d.md", "---\ntitle: D\ndate: 2024-09-02\ntime: \"10:00\"\nend: \"09:00\"\n---\n");
    fs.add("meetings/e.md", "---\ntitle: E\ndate: 2024-09-02\ntime: \"10:00\"\nduration: 2 days\n---\n");
    fs.add("meetings/f.md", "---\ntitle: F\ndate: 2024-09-02\nend: \"11:00\"\n---\n");
    LoadResult r = load_kb(fs);
    CHECK(rec(r.kb, "meetings/a").end_time == "15:30");
    CHECK(rec(r.kb, "meetings/b").end_time == "10:15");
    CHECK(rec(r.kb, "meetings/c").end_time == "00:30");  // the next day
    CHECK(rec(r.kb, "meetings/d").end_time.empty());
    CHECK(rec(r.kb, "meetings/f").end_time.empty());
    CHECK(diag_text(r.diags) ==
          "meetings/d.md:5:6: error: 'end' 09:00 is not after 'time' 10:00 (a meeting ends on its day; give "
          "'duration' for one past midnight)\n"
          "meetings/e.md:5:11: error: invalid duration '2 days' (expected minutes, 1h30m or PT1H30M, under a day)\n"
          "meetings/f.md:4:6: warning: 'end' without 'time' is ignored (an all-day meeting has no end time)\n");
  }
}
