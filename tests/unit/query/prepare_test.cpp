#include "kb/query/prepare.h"

#include <doctest/doctest.h>

#include "support/kb_fixture.h"

using namespace kb;
using test::named;

TEST_SUITE("query") {
  TEST_CASE("prepare: open actions once, and the last meeting shared by an organization and its person") {
    auto r = test::load_sample();
    const KnowledgeBase& kb = r.kb;
    NodeId iesalc = named(kb, "IESALC", RecordType::organization);
    NodeId pedro = named(kb, "Francesc Pedro", RecordType::person);
    Preparation p = prepare_meeting(kb, {iesalc, pedro}, Date{2025, 1, 10});
    REQUIRE(p.open_actions.size() == 1);
    CHECK(action_at(kb, p.open_actions[0]).text == "Send agenda [[Francesc Pedro]] due:2024-09-20");
    REQUIRE(p.last_meetings.size() == 1);
    CHECK(kb.at(p.last_meetings[0].meeting).rid == "meetings/2024/2024-09-02-iesalc");
    CHECK(p.last_meetings[0].subjects == std::vector<NodeId>{iesalc, pedro});
    CHECK(kb.at(p.last_meetings[0].meeting).minutes->decisions.at(0).text == "Hold a workshop");
  }

  TEST_CASE("prepare: each subject's own last meeting, newest first; later meetings do not count") {
    auto r = test::load_sample();
    const KnowledgeBase& kb = r.kb;
    NodeId iesalc = named(kb, "IESALC", RecordType::organization);
    NodeId ana = named(kb, "Ana Mover", RecordType::person);
    Preparation p = prepare_meeting(kb, {iesalc, ana}, Date{2024, 9, 10});
    REQUIRE(p.last_meetings.size() == 2);
    CHECK(kb.at(p.last_meetings[0].meeting).rid == "meetings/2024/2024-09-04-ana");
    CHECK(kb.at(p.last_meetings[1].meeting).rid == "meetings/2024/2024-09-02-iesalc");
    Preparation before = prepare_meeting(kb, {iesalc, ana}, Date{2024, 9, 3});
    REQUIRE(before.last_meetings.size() == 2);
    CHECK(kb.at(before.last_meetings[0].meeting).rid == "meetings/2024/2024-09-02-iesalc");
    CHECK(kb.at(before.last_meetings[1].meeting).rid == "meetings/2024/2024-05-01-ana");
  }

  TEST_CASE("prepare: the home side is no subject: it was at every meeting") {
    auto r = test::load_sample();
    const KnowledgeBase& kb = r.kb;
    NodeId home = named(kb, "Home Org", RecordType::organization);
    NodeId hao = named(kb, "Hao Home", RecordType::person);  // affiliated with Home Org
    CHECK(prepare_meeting(kb, {home, hao}, Date{2025, 1, 10}).empty());
    NodeId ana = named(kb, "Ana Mover", RecordType::person);
    Preparation p = prepare_meeting(kb, {hao, ana}, Date{2025, 1, 10});
    REQUIRE(p.last_meetings.size() == 1);
    CHECK(p.last_meetings[0].subjects == std::vector<NodeId>{ana});
    CHECK(p.open_actions.empty());  // the IESALC meeting's action came only through Hao Home
  }

  TEST_CASE("prepare: nothing before the first meeting, and unresolved names are skipped") {
    auto r = test::load_sample();
    const KnowledgeBase& kb = r.kb;
    NodeId iesalc = named(kb, "IESALC", RecordType::organization);
    NodeId ghost = named(kb, "Ghost Institute", RecordType::organization);  // named, never defined
    CHECK(prepare_meeting(kb, {iesalc}, Date{2024, 1, 1}).empty());
    CHECK(prepare_meeting(kb, {ghost, NodeId{}}, Date{2025, 1, 1}).empty());
  }

  TEST_CASE("prepare: open actions by due date (undated last), meeting date, id, line; a limit keeps the first") {
    test::MemFileSystem fs;
    fs.add("kb.yaml", "name: T\n");
    fs.add("orgs/acme.md", "---\nname: Acme\n---\n");
    fs.add("people/bo.md", "---\nname: Bo\naffiliations: [{org: Acme}]\n---\n");
    fs.add("meetings/b.md", "---\ntitle: B\ndate: 2024-03-01\ntime: \"10:00\"\norganizations: [Acme]\n---\n## Actions\n"
                     "- [ ] b undated\n- [ ] b due:2024-05-01\n- [x] b done due:2024-01-01\n");
    fs.add("meetings/a.md", "---\ntitle: A\ndate: 2024-03-01\ntime: \"10:00\"\norganizations: [Acme]\n---\n## Actions\n"
                     "- [ ] a2 due:2024-04-01\n- [ ] a1 due:2024-04-01\n");
    fs.add("meetings/c.md", "---\ntitle: C\ndate: 2024-02-01\nattendees: [Bo]\norganizations: [Other]\n---\n## Actions\n"
                     "- [ ] c undated [[Bo]]\n- [ ] c later due:2024-06-01 [[Bo]]\n");
    fs.add("meetings/d.md", "---\ntitle: D\ndate: 2024-09-01\norganizations: [Acme]\n---\n## Actions\n- [ ] d due:2024-01-01\n");
    LoadResult r = load_kb(fs);
    const KnowledgeBase& kb = r.kb;
    NodeId acme = named(kb, "Acme", RecordType::organization);
    NodeId bo = named(kb, "Bo", RecordType::person);
    auto texts = [&](const Preparation& p) {
      std::vector<std::string> out;
      for (const ActionRef& a : p.open_actions) out.push_back(action_at(kb, a).text);
      return out;
    };
    const Preparer preparer(kb);
    // d's meeting is after the date; Bo's own actions come from a meeting Acme was not at.
    Preparation all = preparer.prepare({acme, bo, acme}, Date{2024, 8, 1});
    CHECK(texts(all) == std::vector<std::string>{"a2 due:2024-04-01", "a1 due:2024-04-01", "b due:2024-05-01",
                                                 "c later due:2024-06-01 [[Bo]]", "c undated [[Bo]]", "b undated"});
    CHECK(all.open_total == 6);
    Preparation two = preparer.prepare({bo, acme}, Date{2024, 8, 1}, 2);
    CHECK(texts(two) == std::vector<std::string>{"a2 due:2024-04-01", "a1 due:2024-04-01"});
    CHECK(two.open_total == 6);
    // Two meetings at the same date and time: the first met (a.md, by path) is the last one.
    REQUIRE(all.last_meetings.size() == 2);
    CHECK(kb.at(all.last_meetings[0].meeting).rid == "meetings/a");
    CHECK(all.last_meetings[0].subjects == std::vector<NodeId>{acme});
    CHECK(kb.at(all.last_meetings[1].meeting).rid == "meetings/c");
  }
}
