#include "kb/query/meetings.h"

#include <doctest/doctest.h>
#include <stdexcept>

#include "kb/query/actions.h"
#include "kb/query/profile.h"
#include "support/kb_fixture.h"

using namespace kb;

namespace {

NodeId node(const KnowledgeBase& kb, const char* name, RecordType t) {
  auto ids = kb.find_by_name(name, t);
  REQUIRE(ids.size() == 1);
  return ids.front();
}

std::vector<std::string> ids_of(const KnowledgeBase& kb, const std::vector<MeetingMatch>& ms) {
  std::vector<std::string> out;
  for (const auto& m : ms) out.push_back(kb.at(m.id).rid);
  return out;
}

}  // namespace

TEST_SUITE("query") {
  TEST_CASE("meetings: --org rolls up sub-organizations and affiliated attendees, --exact-org does not") {
    auto r = test::load_sample();
    const KnowledgeBase& kb = r.kb;
    MeetingFilter f;
    f.orgs = {node(kb, "UNESCO", RecordType::organization)};
    auto ms = find_meetings(kb, f);
    CHECK(ids_of(kb, ms) == std::vector<std::string>{"meetings/2024/2024-09-02-iesalc", "meetings/2024/2024-09-04-ana"});
    REQUIRE(ms[0].reasons.size() == 1);
    CHECK(ms[0].reasons[0] == "organization 'UNESCO-IESALC', a sub-organization of 'UNESCO' (written 'unesco iesalc')");
    CHECK(ms[1].reasons[0] == "attendee 'Ana Mover' of 'Future Team' (affiliation on 2024-09-04), a sub-organization of 'UNESCO'");
    f.exact_org = true;
    CHECK(find_meetings(kb, f).empty());
    // Without explain: the same meetings, no reasons built.
    f.exact_org = false;
    f.explain = false;
    auto quiet = find_meetings(kb, f);
    CHECK(ids_of(kb, quiet) == ids_of(kb, ms));
    for (const auto& m : quiet) CHECK(m.reasons.empty());
  }

  TEST_CASE("meetings: repeats of one flag OR together, kinds AND together") {
    auto r = test::load_sample();
    const KnowledgeBase& kb = r.kb;
    MeetingFilter f;
    f.people = {node(kb, "Ana Mover", RecordType::person), node(kb, "Francesc Pedro", RecordType::person)};
    CHECK(find_meetings(kb, f).size() == 3);
    f.since = Date{2024, 9, 1};
    CHECK(find_meetings(kb, f).size() == 2);
    f.tags = {"bilateral"};
    CHECK(ids_of(kb, find_meetings(kb, f)) == std::vector<std::string>{"meetings/2024/2024-09-02-iesalc"});
  }

  TEST_CASE("meetings: text words, phrases, OR and exclusions ignore case and accents") {
    auto r = test::load_sample();
    const KnowledgeBase& kb = r.kb;
    MeetingFilter f;
    f.text = parse_text_query({"POLICY", "dialogue"});
    CHECK(ids_of(kb, find_meetings(kb, f)) == std::vector<std::string>{"meetings/2024/2024-09-04-ana"});
    f.text = parse_text_query({"\"policy dialogue\"", "OR", "budgets"});
    CHECK(find_meetings(kb, f).size() == 2);
    f.text = parse_text_query({"budgets", "OR", "sync", "-quick"});
    CHECK(ids_of(kb, find_meetings(kb, f)) == std::vector<std::string>{"meetings/2024/2024-05-01-ana"});
    f.text = parse_text_query({"pedro"});
    CHECK(find_meetings(kb, f).size() == 1);  // "Mr. Francesc Pedró" as written, folded
  }

  TEST_CASE("meetings: a filter reading text needs a KB loaded with text; others do not") {
    test::MemFileSystem fs = test::sample_fs();
    LoadOptions o;
    o.parts.text = false;
    auto bare = load_kb(fs, o);
    auto full = test::load_sample();
    MeetingFilter f;
    f.people = {node(bare.kb, "Francesc Pedro", RecordType::person)};
    CHECK_FALSE(f.reads_text());
    CHECK(ids_of(bare.kb, find_meetings(bare.kb, f)) == ids_of(full.kb, find_meetings(full.kb, f)));
    MeetingFilter t = f, w = f, h = f;
    t.text = parse_text_query({"policy"});
    w.where = {{"location", "Paris"}};
    h.has = {"location"};
    for (const MeetingFilter* g : {&t, &w, &h}) {
      CHECK(g->reads_text());
      CHECK_THROWS_AS(find_meetings(bare.kb, *g), std::logic_error);
      CHECK_NOTHROW(find_meetings(full.kb, *g));
    }
  }

  TEST_CASE("meetings, actions, decisions: a KB loaded without minutes or actions answers names, not them") {
    test::MemFileSystem fs = test::sample_fs();
    LoadOptions o;
    o.parts = {.minutes = false, .actions = false, .text = false, .links = false};
    auto bare = load_kb(fs, o);
    o.parts.actions = true;
    auto actions = load_kb(fs, o);
    auto full = test::load_sample();
    REQUIRE_FALSE(bare.kb.has_minutes);
    REQUIRE_FALSE(bare.kb.has_actions);
    MeetingFilter f;
    f.orgs = {node(bare.kb, "IESALC", RecordType::organization)};
    CHECK(ids_of(bare.kb, find_meetings(bare.kb, f)) == ids_of(full.kb, find_meetings(full.kb, f)));
    CHECK_THROWS_AS(find_actions(bare.kb, {}), std::logic_error);
    CHECK_THROWS_AS(find_decisions(bare.kb, {}), std::logic_error);
    CHECK_THROWS_AS(find_decisions(actions.kb, {}), std::logic_error);
    CHECK(find_actions(actions.kb, {}).size() == find_actions(full.kb, {}).size());
    CHECK_FALSE(find_actions(full.kb, {}).empty());
    CHECK_FALSE(find_decisions(full.kb, {}).empty());
  }

  TEST_CASE("meetings: --where and --has read any front-matter key") {
    auto r = test::load_sample();
    const KnowledgeBase& kb = r.kb;
    MeetingFilter f;
    f.where = {{"project", "ALPHA"}};
    CHECK(find_meetings(kb, f).size() == 1);
    f.where = {{"attendees", "hao home"}};
    CHECK(find_meetings(kb, f).size() == 3);  // list items match any element
    f.where.clear();
    f.has = {"time"};
    CHECK(find_meetings(kb, f).size() == 1);
  }

  TEST_CASE("meetings: --where reads values as users write them") {
    test::MemFileSystem fs;
    fs.add("meetings/a.md",
           "---\ntitle: A\ndate: 2024-09-02\nlead: \"[[Francesc Pedro|Francesc]]\"\nlabels: ai, policy\n"
           "starts: 2024-09-02T10:00\nstage: \"#draft\"\n---\n");
    fs.add("meetings/b.md", "---\ntitle: B\ndate: 2024-09-03\nlead: Ana\nlabels: budget\n---\n");
    auto r = load_kb(fs);
    MeetingFilter f;
    for (const char* v : {"Francesc Pedro", "[[Francesc Pedro]]", "francesc-pedro", "[[Francesc Pedro|F]]"}) {
      f.where = {{"lead", v}};
      CHECK_MESSAGE(find_meetings(r.kb, f).size() == 1, v);
    }
    f.where = {{"lead", "Francesc"}};  // the shown text is not the target
    CHECK(find_meetings(r.kb, f).empty());
    f.where = {{"labels", "policy"}};
    CHECK(find_meetings(r.kb, f).size() == 1);
    f.where = {{"labels", "#ai"}};
    CHECK(find_meetings(r.kb, f).size() == 1);
    f.where = {{"labels", "pol"}};
    CHECK(find_meetings(r.kb, f).empty());
    f.where = {{"starts", "2024-09-02"}};
    CHECK(find_meetings(r.kb, f).size() == 1);
    f.where = {{"starts", "2024-09-0"}};
    CHECK(find_meetings(r.kb, f).empty());
    f.where = {{"stage", "draft"}};
    CHECK(find_meetings(r.kb, f).size() == 1);
  }

  TEST_CASE("actions: a cancelled item is neither open, overdue nor done") {
    test::MemFileSystem fs;
    fs.add("meetings/a.md",
           "---\ntitle: A\ndate: 2024-09-02\n---\n## Actions\n- [-] Drop this due:2024-09-05\n"
           "- [ ] Keep this due:2024-09-06\n- [x] Did this\n");
    auto r = load_kb(fs);
    ActionFilter f;
    f.today = Date{2024, 10, 1};
    auto open = find_actions(r.kb, f);
    REQUIRE(open.size() == 1);
    CHECK(action_at(r.kb, open[0]).text == "Keep this due:2024-09-06");
    f.overdue = true;
    CHECK(find_actions(r.kb, f).size() == 1);
    f.overdue = false;
    f.state = ActionState::done;
    CHECK(find_actions(r.kb, f).size() == 1);
    f.state = ActionState::all;
    CHECK(find_actions(r.kb, f).size() == 3);
  }

  TEST_CASE("meetings: sorting and limit") {
    auto r = test::load_sample();
    const KnowledgeBase& kb = r.kb;
    MeetingFilter f;
    f.newest_first = true;
    f.limit = 2;
    CHECK(ids_of(kb, find_meetings(kb, f)) ==
          std::vector<std::string>{"meetings/2024/2024-12-30-year-end", "meetings/2024/2024-09-04-ana"});
  }

  TEST_CASE("actions: open by default, sorted by due date, overdue relative to today") {
    auto r = test::load_sample();
    const KnowledgeBase& kb = r.kb;
    ActionFilter f;
    auto open = find_actions(kb, f);
    REQUIRE(open.size() == 1);
    CHECK(action_at(kb, open[0]).text == "Send agenda [[Francesc Pedro]] due:2024-09-20");
    f.state = ActionState::all;
    CHECK(find_actions(kb, f).size() == 2);
    f.state = ActionState::open;
    f.overdue = true;
    f.today = Date{2024, 9, 20};
    CHECK(find_actions(kb, f).empty());
    f.today = Date{2024, 9, 21};
    CHECK(find_actions(kb, f).size() == 1);
  }

  TEST_CASE("profile: meetings newest first, co-attendees, open actions of an owner") {
    auto r = test::load_sample();
    const KnowledgeBase& kb = r.kb;
    Profile p = build_profile(kb, node(kb, "Hao Home", RecordType::person), Date{2099, 1, 1});
    REQUIRE(p.meetings.size() == 3);
    CHECK(kb.at(p.meetings[0]).rid == "meetings/2024/2024-09-04-ana");
    REQUIRE(p.people.size() == 2);
    CHECK(kb.at(p.people[0].id).name == "Ana Mover");
    CHECK(p.people[0].count == 2);
    CHECK(p.last_met == Date{2024, 9, 4});
    CHECK_FALSE(p.next.valid());
    Profile pedro = build_profile(kb, node(kb, "Francesc Pedro", RecordType::person), Date{2099, 1, 1});
    CHECK(pedro.open_actions.size() == 1);
  }

  TEST_CASE("profile: last met is the last past meeting; a planned one is next (issue 26)") {
    auto r = test::load_sample();
    const KnowledgeBase& kb = r.kb;
    const NodeId hao = node(kb, "Hao Home", RecordType::person);
    Profile p = build_profile(kb, hao, Date{2024, 9, 3});
    CHECK(p.last_met == Date{2024, 9, 2});
    REQUIRE(p.next.valid());
    CHECK(kb.at(p.next).rid == "meetings/2024/2024-09-04-ana");
    Profile before = build_profile(kb, hao, Date{2024, 1, 1});
    CHECK_FALSE(before.last_met);
    CHECK(kb.at(before.next).rid == "meetings/2024/2024-05-01-ana");
    CHECK(build_profile(kb, hao, Date{2024, 9, 4}).last_met == Date{2024, 9, 4});  // today counts as met
  }
}

TEST_SUITE("query") {
  TEST_CASE("issue 23: --tag matches nested tags below it, as Obsidian's tag search does") {
    test::MemFileSystem fs;
    fs.add("meetings/a.md", "---\ntitle: A\ndate: 2024-09-02\ntags: [meeting/one-on-one]\n---\n");
    fs.add("meetings/b.md", "---\ntitle: B\ndate: 2024-09-03\ntags: [Meeting]\n---\n");
    fs.add("meetings/c.md", "---\ntitle: C\ndate: 2024-09-04\ntags: [meetings, one-on-one]\n---\n");
    fs.add("meetings/d.md", "---\ntitle: D\ndate: 2024-09-05\n---\nBody #meeting/board/q3\n");
    LoadResult r = load_kb(fs);
    const KnowledgeBase& kb = r.kb;
    MeetingFilter f;
    f.tags = {"meeting"};
    auto ms = find_meetings(kb, f);
    CHECK(ids_of(kb, ms) == std::vector<std::string>{"meetings/a", "meetings/b", "meetings/d"});
    CHECK(ms[0].reasons == std::vector<std::string>{"tag 'meeting/one-on-one'"});
    f.tags = {"#meeting/board"};
    CHECK(ids_of(kb, find_meetings(kb, f)) == std::vector<std::string>{"meetings/d"});
    f.tags = {"one-on-one"};  // a nested tag's last part is not the tag
    CHECK(ids_of(kb, find_meetings(kb, f)) == std::vector<std::string>{"meetings/c"});
  }
}
