#include "kb/model/graph.h"

#include <doctest/doctest.h>
#include <stdexcept>

#include "kb/base/text.h"
#include "kb/model/names.h"
#include "support/kb_fixture.h"

using namespace kb;

namespace {

NodeId by_name(const KnowledgeBase& kb, const char* name, RecordType t) {
  auto ids = kb.find_by_name(name, t);
  REQUIRE(ids.size() == 1);
  return ids.front();
}

}  // namespace

TEST_SUITE("model") {
  TEST_CASE("load: types come from type: or the first folder; kb.yaml is read") {
    auto r = test::load_sample();
    const KnowledgeBase& kb = r.kb;
    CHECK(kb.config.name == "Test KB");
    CHECK(kb.config.home == "Home Org");
    CHECK(kb.lookup_rid("orgs/iesalc")->type == RecordType::organization);
    CHECK(kb.lookup_rid("people/pedro")->type == RecordType::person);
    CHECK(kb.lookup_rid("meetings/2024/2024-09-02-iesalc")->type == RecordType::meeting);
    CHECK(r.skipped.empty());
    CHECK(r.files == 14);
  }

  TEST_CASE("graph: records are found by id whatever order they were added in") {
    KnowledgeBase kb;
    std::vector<Record> first;  // taken whole by add_all(), or added one by one
    SUBCASE("add") {}
    SUBCASE("add_all, then add") { first.reserve(8); }
    auto add = [&](const char* rid) {
      Record r;
      r.rid = rid;
      if (first.capacity() > 0 && first.size() < 3) {
        first.push_back(std::move(r));
        return NodeId{static_cast<std::uint32_t>(first.size() - 1)};
      }
      if (!first.empty()) {
        const Record* taken = first.data();
        kb.add_all(std::move(first));
        CHECK(kb.records().data() == taken);  // the vector itself, no record moved
        CHECK_THROWS_AS(kb.add_all({Record()}), std::logic_error);
        first = {};
      }
      return kb.add(std::move(r));
    };
    NodeId b = add("b"), a2 = add("a/2"), undefined = add(""), a = add("a"), dup = add("b");
    REQUIRE(kb.records().size() == 5);
    for (std::uint32_t i = 0; i < 5; ++i) CHECK(kb.records()[i].id.value == i);
    (void)undefined;
    // Before index_rids() a scan, after it a search: the same answers, the first added of two.
    for (int pass = 0; pass < 2; ++pass) {
      INFO("pass " << pass);
      REQUIRE(kb.lookup_rid("a"));
      CHECK(kb.lookup_rid("a")->id == a);
      CHECK(kb.lookup_rid("a/2")->id == a2);
      CHECK(kb.lookup_rid("b")->id == b);
      CHECK(kb.lookup_rid("b")->id != dup);
      CHECK(kb.lookup_rid("") == nullptr);
      CHECK(kb.lookup_rid("a/") == nullptr);
      CHECK(kb.lookup_rid("c") == nullptr);
      kb.index_rids();
    }
  }

  TEST_CASE("graph: meeting lists are in date order, then id order, each meeting once") {
    KnowledgeBase kb;
    Record org;
    org.type = RecordType::organization;
    org.rid = "orgs/o";
    const NodeId o = kb.add(std::move(org));
    Record person;
    person.type = RecordType::person;
    person.rid = "people/p";
    const NodeId p = kb.add(std::move(person));
    // Added out of id order; the same date twice, and one without a date (first).
    auto meeting = [&](const char* rid, std::optional<Date> date, bool with_person) {
      Record m;
      m.type = RecordType::meeting;
      m.rid = rid;
      m.date = date;
      NameRef ref;
      ref.target = o;
      m.organizations.push_back(ref);
      Attendee a;
      a.person.target = with_person ? p : NodeId{};
      a.org = o;  // the org twice: listed once
      m.attendees.push_back(a);
      return kb.add(std::move(m));
    };
    const NodeId late = meeting("m/c", Date(2024, 9, 3), true);
    const NodeId tie_b = meeting("m/b", Date(2024, 9, 2), false);
    const NodeId undated = meeting("m/z", std::nullopt, true);
    const NodeId tie_a = meeting("m/a", Date(2024, 9, 2), true);
    kb.build_indexes();
    CHECK(kb.meetings_of(o) == std::vector<NodeId>{undated, tie_a, tie_b, late});
    CHECK(kb.meetings_of(p) == std::vector<NodeId>{undated, tie_a, late});
    CHECK(kb.meetings_of(late).empty());
  }

  TEST_CASE("graph: node lists hold a list only for the nodes that have one") {
    NodeLists lists;
    lists.assign(5);
    CHECK(lists.size() == 5);
    CHECK(lists.used().empty());
    CHECK(lists.at(NodeId{2}).empty());
    CHECK(lists.at(NodeId{}).empty());
    CHECK(lists.at(NodeId{99}).empty());
    lists.edit(NodeId{3}).push_back(NodeId{1});
    lists.edit(NodeId{1}).push_back(NodeId{4});
    lists.edit(NodeId{3}).push_back(NodeId{0});
    CHECK(lists.used().size() == 2);
    CHECK(lists.at(NodeId{3}) == std::vector<NodeId>{NodeId{1}, NodeId{0}});
    CHECK(lists.at(NodeId{1}) == std::vector<NodeId>{NodeId{4}});
    CHECK(lists.at(NodeId{0}).empty());
    lists.assign(2);
    CHECK(lists.used().empty());
    CHECK(lists.at(NodeId{1}).empty());
  }

  TEST_CASE("graph: the name index counts nodes of one type under a key, each once") {
    KnowledgeBase kb;
    kb.reserve(4);
    auto add = [&](RecordType type, const char* name, std::vector<std::string> aliases) {
      Record r;
      r.type = type;
      r.name = name;
      r.aliases = std::move(aliases);
      NodeId id = kb.add(std::move(r));
      kb.index_names(id, KnowledgeBase::name_keys(kb.at(id)));
      return id;
    };
    // "Café" and its alias "CAFE" have one key: the record is listed once under it.
    CHECK(KnowledgeBase::name_keys(Record{}).empty());
    NodeId person = add(RecordType::person, "Café", {"CAFE", "Bistro"});
    NodeId org = add(RecordType::organization, "Cafe", {});
    NodeId person2 = add(RecordType::person, "Bistro", {});
    Record probe;
    probe.name = "Café";
    probe.aliases = {"CAFE", "", "Bistro"};
    CHECK(KnowledgeBase::name_keys(probe).size() == 2);

    const std::string cafe = name_key("cafe"), bistro = name_key("bistro");
    CHECK(kb.nodes_by_key(cafe) == std::vector<NodeId>{person, org});
    CHECK(kb.nodes_by_key("nothing").empty());
    NodeId first;
    CHECK(kb.count_by_key(cafe, RecordType::person, first) == 1);
    CHECK(first == person);
    CHECK(kb.count_by_key(cafe, RecordType::organization, first) == 1);
    CHECK(first == org);
    CHECK(kb.count_by_key(cafe, RecordType::topic, first) == 0);
    CHECK_FALSE(first.valid());
    CHECK(kb.count_of_type(kb.nodes_by_key(bistro), RecordType::person, first) == 2);
    CHECK(first == person);
    CHECK(kb.find_by_key(bistro, RecordType::person) == std::vector<NodeId>{person, person2});
    // The old way (keys made by index_names itself) lists the same.
    kb.index_names(person);
    CHECK(kb.nodes_by_key(cafe) == std::vector<NodeId>{person, org});
  }

  TEST_CASE("load: names given by alias and other spellings resolve to one record") {
    auto r = test::load_sample();
    const KnowledgeBase& kb = r.kb;
    const Record& m = *kb.lookup_rid("meetings/2024/2024-09-02-iesalc");
    REQUIRE(m.organizations.size() == 2);
    CHECK(kb.at(m.organizations[1].target).rid == "orgs/iesalc");
    REQUIRE(m.attendees.size() == 2);
    CHECK(kb.at(m.attendees[1].person.target).rid == "people/pedro");
    CHECK(kb.at(m.topics[0].target).name == "AI Framework");
    CHECK(m.time == "14:00");
    CHECK(m.minutes->summary == "Agreed on the framework.");
    REQUIRE(m.minutes->decisions.size() == 1);
    CHECK(m.minutes->decisions[0].text == "Hold a workshop");
  }

  TEST_CASE("load: an attendee belongs to the affiliation current on the meeting date") {
    auto r = test::load_sample();
    const KnowledgeBase& kb = r.kb;
    const Record& may = *kb.lookup_rid("meetings/2024/2024-05-01-ana");
    const Record& sep = *kb.lookup_rid("meetings/2024/2024-09-04-ana");
    CHECK(kb.at(may.attendees[0].org).name == "Other Org");
    CHECK(may.attendees[0].role == "Analyst");
    CHECK(kb.at(sep.attendees[0].org).name == "Future Team");
    CHECK(sep.attendees[0].role == "Lead");
    CHECK_FALSE(may.attendees[0].org_given);
    CHECK_FALSE(sep.attendees[0].org_given);
  }

  TEST_CASE("load: an organization or role given in the meeting wins over the affiliation") {
    test::MemFileSystem fs = test::sample_fs();
    fs.add("meetings/2024/2024-09-10-given.md",
           "---\ntitle: Given\ndate: 2024-09-10\nattendees:\n"
           "  - name: Ana Mover\n    org: IESALC\n"       // another org: no role from the affiliation
           "  - name: Ana Mover\n    role: Guest\n"       // the affiliation's org, the given role
           "  - name: Ana Mover\n    org: Nowhere Inc\n"  // an org no record defines
           "  - Ana Mover\n"
           "---\n");
    LoadResult r = load_kb(fs);
    const KnowledgeBase& kb = r.kb;
    const Record& m = *kb.lookup_rid("meetings/2024/2024-09-10-given");
    REQUIRE(m.attendees.size() == 4);
    CHECK(kb.at(m.attendees[0].org).name == "UNESCO-IESALC");
    CHECK(m.attendees[0].org_given);
    CHECK(m.attendees[0].role.empty());
    CHECK(kb.at(m.attendees[1].org).name == "Future Team");
    CHECK_FALSE(m.attendees[1].org_given);
    CHECK(m.attendees[1].role == "Guest");
    CHECK(m.attendees[2].org_given);
    CHECK_FALSE(kb.at(m.attendees[2].org).defined);
    CHECK(kb.at(m.attendees[2].org).name == "Nowhere Inc");
    CHECK(kb.at(m.attendees[3].org).name == "Future Team");
    CHECK(m.attendees[3].role == "Lead");
    bool warned = false;
    for (const auto& d : r.diags.all())
      warned = warned || to_string(d).rfind("meetings/2024/2024-09-10-given.md:10:10: warning: unresolved organization 'Nowhere Inc'", 0) == 0;
    CHECK(warned);
  }

  TEST_CASE("load: actions keep owner, due date, done state and line") {
    auto r = test::load_sample();
    const KnowledgeBase& kb = r.kb;
    const Record& m = *kb.lookup_rid("meetings/2024/2024-09-02-iesalc");
    REQUIRE(m.actions->size() == 2);
    CHECK((*m.actions)[0].text == "Send agenda [[Francesc Pedro]] due:2024-09-20");
    CHECK(kb.at((*m.actions)[0].owner).name == "Francesc Pedro");
    CHECK((*m.actions)[0].due == Date{2024, 9, 20});
    CHECK_FALSE((*m.actions)[0].done);
    CHECK((*m.actions)[0].loc.line == 20);
    CHECK((*m.actions)[1].done);
    CHECK((*m.actions)[1].done_on == Date{2024, 9, 3});
    CHECK_FALSE((*m.actions)[1].owner.valid());
  }

  TEST_CASE("load: names nothing defines become nodes, with a warning at their line") {
    auto r = test::load_sample();
    const KnowledgeBase& kb = r.kb;
    auto ghost = kb.find_by_name("ghost institute", RecordType::organization);
    REQUIRE(ghost.size() == 1);
    CHECK_FALSE(kb.at(ghost[0]).defined);
    CHECK(kb.meetings_of(ghost[0]).size() == 1);
    bool warned = false;
    for (const auto& d : r.diags.all())
      if (to_string(d) == "meetings/2024/2024-12-30-year-end.md:4:17: warning: unresolved organization 'Ghost Institute' "
                          "(no record has this name; run 'kb add org')")
        warned = true;
    CHECK(warned);
  }

  TEST_CASE("graph: sub-organizations and members") {
    auto r = test::load_sample();
    const KnowledgeBase& kb = r.kb;
    NodeId unesco = by_name(kb, "UNESCO", RecordType::organization);
    auto tree = kb.subtree(unesco);
    CHECK(tree.size() == 4);  // UNESCO, Education Sector, Future Team, UNESCO-IESALC
    NodeId iesalc = by_name(kb, "IESALC", RecordType::organization);
    REQUIRE(kb.members_of(iesalc).size() == 1);
    CHECK(kb.at(kb.members_of(iesalc)[0]).name == "Francesc Pedro");
  }

  TEST_CASE("graph: meetings_of_org rolls up sub-organizations and affiliated attendees") {
    auto r = test::load_sample();
    const KnowledgeBase& kb = r.kb;
    NodeId unesco = by_name(kb, "UNESCO", RecordType::organization);
    auto rolled = kb.meetings_of_org(unesco, false);
    REQUIRE(rolled.size() == 2);
    CHECK(kb.at(rolled[0]).rid == "meetings/2024/2024-09-02-iesalc");
    CHECK(kb.at(rolled[1]).rid == "meetings/2024/2024-09-04-ana");  // Ana was in Future Team by then
    CHECK(kb.meetings_of_org(unesco, true).empty());
  }

  TEST_CASE("load: a malformed file is skipped with one error; the rest loads") {
    test::MemFileSystem fs = test::sample_fs();
    fs.add("meetings/bad.md", "---\ntitle: Bad\ndate: 2024-02-30\n---\n");
    auto r = load_kb(fs);
    REQUIRE(r.skipped.size() == 1);
    CHECK(r.skipped[0] == "meetings/bad.md");
    std::vector<std::string> errors;
    for (const auto& d : r.diags.all())
      if (d.severity == Severity::error) errors.push_back(to_string(d));
    REQUIRE(errors.size() == 1);
    CHECK(errors[0] == "meetings/bad.md:3:7: error: invalid date '2024-02-30' (expected YYYY-MM-DD)");
    CHECK(r.kb.lookup_rid("meetings/2024/2024-09-02-iesalc") != nullptr);
  }

  TEST_CASE("issue 23: a note whose front matter does not parse is a plain note that links and is linked") {
    test::MemFileSystem fs = test::sample_fs();
    fs.add("meetings/open.md", "---\ntitle: x\n");
    fs.add("people/broken-one.md", "---\nname: [Broken\n---\nKnows [[Ana]].\n- [ ] Call [[Ana Mover]] due:2024-10-01\n");
    fs.add("notes/linker.md", "See [[broken-one]] and [[open]].\n");
    auto r = load_kb(fs);
    CHECK(r.skipped.empty());
    std::vector<std::string> errors;
    for (const auto& d : r.diags.all())
      if (d.severity == Severity::error) errors.push_back(to_string(d));
    REQUIRE(errors.size() == 2);
    CHECK(errors[0] == "meetings/open.md:1:1: error: front matter is not closed (add a line '---' after it)");
    CHECK(errors[1] == "people/broken-one.md:3:1: error: invalid YAML: end of sequence flow not found");
    const Record* broken = r.kb.lookup_rid("people/broken-one");
    REQUIRE(broken);
    CHECK(broken->type == RecordType::note);  // no type: not a person, whatever its folder
    CHECK(broken->name == "broken-one");
    CHECK(r.kb.lookup_rid("meetings/open")->type == RecordType::note);
    REQUIRE(broken->mentions->size() == 2);  // the task's link is a mention too
    CHECK(r.kb.at((*broken->mentions)[0].target).rid == "people/ana");
    REQUIRE(broken->actions->size() == 1);
    CHECK(r.kb.at((*broken->actions)[0].owner).rid == "people/ana");
    const Record* linker = r.kb.lookup_rid("notes/linker");
    REQUIRE(linker->mentions->size() == 2);
    CHECK((*linker->mentions)[0].target == broken->id);
    CHECK(r.kb.at((*linker->mentions)[1].target).rid == "meetings/open");
  }

  TEST_CASE("load: two people of one name are a warning; 'NAME (ORGANIZATION)' tells them apart") {
    test::MemFileSystem fs = test::sample_fs();
    fs.add("people/pedro2.md", "---\nname: Francesc Pedro\naffiliations:\n  - org: Other Org\n---\n");
    fs.add("meetings/2024/2024-10-01-other.md",
           "---\ntitle: Other\ndate: 2024-10-01\nattendees: [Francesc Pedro (Other Org)]\n---\n"
           "[[Francesc Pedro (UNESCO-IESALC)]]\n");
    LoadOptions options;
    // A load without text (and without a cache) drops each front-matter tree as soon as the
    // note is typed, but for `name:`, which the warning points at.
    SUBCASE("with text") { options.parts.text = true; }
    SUBCASE("without text") { options.parts.text = false; }
    auto r = load_kb(fs, options);
    bool dup = false;
    for (const auto& d : r.diags.all())
      if (to_string(d).rfind("people/pedro2.md:2:7: warning: duplicate person name 'Francesc Pedro' (also 'Francesc "
                             "Pedro' in 'people/pedro.md'); name each as 'Francesc Pedro (ORGANIZATION)'", 0) == 0)
        dup = true;
    CHECK(dup);
    for (const auto& d : r.diags.all()) CHECK_MESSAGE(d.loc.path.str() != "meetings/2024/2024-10-01-other.md", to_string(d));
    DiagSink diags;
    CHECK_FALSE(resolve_name(r.kb, "francesc pedro", RecordType::person, diags));
    REQUIRE(diags.all().size() == 1);
    CHECK(diags.all()[0].message ==
          "ambiguous person 'francesc pedro': matches 'Francesc Pedro' (people/pedro) and 'Francesc Pedro' "
          "(people/pedro2) (give 'NAME (ORGANIZATION)' or the record id)");
    const NodeId pedro = r.kb.lookup_rid("people/pedro")->id, pedro2 = r.kb.lookup_rid("people/pedro2")->id;
    CHECK(pick_by_org(r.kb, "Francesc Pedro (IESALC)") == pedro);  // an alias of the organization
    CHECK(pick_by_org(r.kb, "francesc pedró (other org)") == pedro2);
    CHECK_FALSE(pick_by_org(r.kb, "Francesc Pedro (Nowhere)"));
    CHECK_FALSE(pick_by_org(r.kb, "Francesc Pedro"));
    CHECK(resolve_name(r.kb, "Francesc Pedro (Other Org)", RecordType::person, diags) == pedro2);
    const Record& other = *r.kb.lookup_rid("meetings/2024/2024-10-01-other");
    CHECK(other.attendees.at(0).person.target == pedro2);
  }

  TEST_CASE("load: two organizations of one name are an error") {
    test::MemFileSystem fs = test::sample_fs();
    fs.add("orgs/other2.md", "---\nname: Other Org\n---\n");
    auto r = load_kb(fs);
    bool dup = false;
    for (const auto& d : r.diags.all())
      if (to_string(d) == "orgs/other2.md:2:7: error: duplicate organization name 'Other Org' (also 'Other Org' in "
                          "'orgs/other.md'); 'kb merge' them if they are one")
        dup = true;
    CHECK(dup);
  }

  TEST_CASE("names: unknown names suggest the closest known one") {
    auto r = test::load_sample();
    DiagSink diags;
    CHECK_FALSE(resolve_name(r.kb, "IESALK", RecordType::organization, diags));
    REQUIRE(diags.all().size() == 1);
    CHECK(diags.all()[0].message == "unknown organization 'IESALK' (did you mean 'IESALC'?)");
    DiagSink d2;
    auto any = resolve_any(r.kb, "people/pedro", d2);
    REQUIRE(any);
    CHECK(r.kb.at(*any).name == "Francesc Pedro");
  }

  TEST_CASE("load: the result does not depend on the number of threads") {
    test::MemFileSystem fs = test::sample_fs();
    for (int i = 0; i < 300; ++i)
      fs.add("meetings/gen/m" + std::to_string(1000 + i) + ".md",
             "---\ntitle: M" + std::to_string(i) + "\ndate: 2024-01-" + std::to_string(10 + i % 18) +
                 "\nattendees: [Person " + std::to_string(i % 7) + "]\n---\n");
    LoadOptions o1, o4;
    o1.threads = 1;
    o4.threads = 4;
    auto one = load_kb(fs, o1);
    auto four = load_kb(fs, o4);
    REQUIRE(one.kb.records().size() == four.kb.records().size());
    for (std::size_t i = 0; i < one.kb.records().size(); ++i) {
      CHECK(one.kb.records()[i].rid == four.kb.records()[i].rid);
      CHECK(one.kb.records()[i].name == four.kb.records()[i].name);
    }
    CHECK(one.diags.all().size() == four.diags.all().size());
  }
}
