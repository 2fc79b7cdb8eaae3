#include "kb/query/weekly.h"

#include <doctest/doctest.h>

#include "support/kb_fixture.h"

using namespace kb;

namespace {

std::vector<std::string> names(const KnowledgeBase& kb, const std::vector<NodeId>& ids) {
  std::vector<std::string> out;
  for (NodeId id : ids) out.push_back(kb.at(id).name);
  return out;
}

}  // namespace

TEST_SUITE("query") {
  TEST_CASE("weekly: meetings, attendees grouped by organization, figures") {
    auto r = test::load_sample();
    const KnowledgeBase& kb = r.kb;
    WeeklyBriefing b = build_weekly(kb, *parse_iso_week("2024-W36"));
    CHECK(to_string(b.range.first) == "2024-09-02");
    CHECK(to_string(b.range.last) == "2024-09-08");
    REQUIRE(b.meetings.size() == 2);
    const auto& groups = b.meetings[0].groups;
    REQUIRE(groups.size() == 2);
    CHECK(kb.at(groups[0].org).name == "Home Org");
    CHECK(kb.at(groups[1].org).name == "UNESCO-IESALC");
    CHECK(groups[1].people[0].role == "Director");
    // The home organization (kb.yaml home) is not an organization "met".
    CHECK(names(kb, b.organizations) == std::vector<std::string>{"Future Team", "UNESCO-IESALC"});
    CHECK(names(kb, b.people) == std::vector<std::string>{"Ana Mover", "Francesc Pedro", "Hao Home"});
    REQUIRE(b.topics.size() == 1);
    CHECK(names(kb, b.topics[0].orgs) == std::vector<std::string>{"UNESCO-IESALC"});
    CHECK(b.opened.size() == 2);
  }

  TEST_CASE("weekly: new contacts are people whose first meeting ever is in the week") {
    auto r = test::load_sample();
    const KnowledgeBase& kb = r.kb;
    WeeklyBriefing b = build_weekly(kb, *parse_iso_week("2024-W36"));
    // Ana met us in May already; Hao is of the home organization.
    REQUIRE(b.new_contacts.size() == 1);
    CHECK(kb.at(b.new_contacts[0].person).name == "Francesc Pedro");
    CHECK(kb.at(b.new_contacts[0].org).name == "UNESCO-IESALC");
  }

  TEST_CASE("weekly: actions due soon and overdue are judged at the end of the week's Sunday") {
    auto r = test::load_sample();
    const KnowledgeBase& kb = r.kb;
    // Due 2024-09-20: in W37 (ending 09-15) it is due within the next seven days.
    WeeklyBriefing w37 = build_weekly(kb, *parse_iso_week("2024-W37"));
    CHECK(w37.due_soon.size() == 1);
    CHECK(w37.overdue.empty());
    WeeklyBriefing w38 = build_weekly(kb, *parse_iso_week("2024-W38"));
    CHECK(w38.due_soon.empty());
    CHECK(w38.overdue.size() == 1);
    // Before the meeting that wrote it, the action does not exist yet.
    WeeklyBriefing w35 = build_weekly(kb, *parse_iso_week("2024-W35"));
    CHECK(w35.overdue.empty());
    CHECK(w35.due_soon.empty());
    CHECK(names(kb, w35.next_week).size() == 2);
  }

  TEST_CASE("weekly: the ISO year boundary and an empty week") {
    auto r = test::load_sample();
    const KnowledgeBase& kb = r.kb;
    WeeklyBriefing b = build_weekly(kb, *parse_iso_week("2025-W01"));
    REQUIRE(b.meetings.size() == 1);
    CHECK(kb.at(b.meetings[0].id).rid == "meetings/2024/2024-12-30-year-end");
    WeeklyBriefing empty = build_weekly(kb, *parse_iso_week("2025-W10"));
    CHECK(empty.meetings.empty());
    CHECK(empty.people.empty());
    CHECK(empty.new_contacts.empty());
  }
}
