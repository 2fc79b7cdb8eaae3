#include "kb/query/agenda.h"

#include <doctest/doctest.h>

#include "support/kb_fixture.h"

using namespace kb;
using test::named;

TEST_SUITE("query") {
  TEST_CASE("agenda: the window's meetings with prep from before their day; overdue and due this week") {
    auto r = test::load_sample();
    const KnowledgeBase& kb = r.kb;
    AgendaOptions o;
    o.today = Date{2024, 9, 2};  // a Monday
    o.days = 3;
    Agenda a = build_agenda(kb, o);
    CHECK(a.last_day == Date{2024, 9, 4});
    CHECK(a.week_end == Date{2024, 9, 8});
    REQUIRE(a.meetings.size() == 2);
    CHECK(kb.at(a.meetings[0].meeting).rid == "meetings/2024/2024-09-02-iesalc");
    CHECK(a.meetings[0].prep.open_actions.empty());  // its own action is not prep for it
    CHECK(kb.at(a.meetings[1].meeting).rid == "meetings/2024/2024-09-04-ana");
    REQUIRE(a.meetings[1].prep.last_meetings.size() == 1);  // Ana, not Hao Home (home side)
    CHECK(kb.at(a.meetings[1].prep.last_meetings[0].meeting).rid == "meetings/2024/2024-05-01-ana");
    CHECK(a.overdue.empty());
    CHECK(a.due_soon.empty());  // due 2024-09-20: after Sunday
    CHECK(a.owed.empty());      // no owners: nobody is waiting on "me"

    o.today = Date{2024, 9, 18};
    o.owners = {named(kb, "Francesc Pedro", RecordType::person)};
    Agenda later = build_agenda(kb, o);
    CHECK(later.meetings.empty());
    REQUIRE(later.due_soon.size() == 1);
    CHECK(action_at(kb, later.due_soon[0]).text == "Send agenda [[Francesc Pedro]] due:2024-09-20");
    o.today = Date{2024, 9, 21};
    Agenda overdue = build_agenda(kb, o);
    CHECK(overdue.overdue.size() == 1);
    CHECK(overdue.owed.empty());  // the IESALC meeting's only other attendee is Hao Home
  }
}
