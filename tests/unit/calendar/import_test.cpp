#include "kb/calendar/import.h"

#include <doctest/doctest.h>

#include "kb/model/load.h"
#include "support/mem_fs.h"

using namespace kb;
using kb::test::MemFileSystem;

namespace {

MemFileSystem calendar_fs() {
  MemFileSystem fs;
  fs.add("kb.yaml", "name: T\ntimezone: Europe/Paris\n");
  fs.add("people/pedro.md", "---\nname: Francesc Pedro\naliases: [Francesc Pedró]\nemail: f.pedro@x.org\n---\n");
  fs.add("people/ana.md", "---\nname: Ana Bell\nemails: [ana@x.org, ANA@home.example]\n---\n");
  fs.add("people/zw1.md", "---\nname: Zhang Wei\n---\n");
  fs.add("people/zw2.md", "---\nname: Zhang Wei\n---\n");
  fs.add("meetings/2024/old.md",
         "---\ntitle: Lunch\ndate: 2024-09-11\ntime: \"12:30\" # booked\nend: \"14:00\"\nlocation: Flore\n"
         "uid: lunch@x\n---\nNotes kept.\n");
  fs.add("meetings/2024/sync.md",
         "---\ntitle: Sync\ndate: 2024-09-10\ntime: \"09:00\"\nduration: 1h\ntimezone: America/New_York\n"
         "uid: sync@x\nrecurrence-id: \"2024-09-10T09:00\"\n---\n");
  return fs;
}

CalendarEvent event(std::string uid, Date d, std::string time, int minutes = 0) {
  CalendarEvent e;
  e.uid = std::move(uid);
  e.title = "Lunch";
  e.date = d;
  e.time = std::move(time);
  e.duration = minutes;
  e.timezone = e.time.empty() ? "" : "Europe/Paris";
  return e;
}

}  // namespace

TEST_SUITE("calendar") {
  TEST_CASE("import: a known event that did not change is left alone; a moved one is updated") {
    MemFileSystem fs = calendar_fs();
    LoadResult r = load_kb(fs);
    CalendarEvent same = event("lunch@x", Date{2024, 9, 11}, "12:30", 90);
    same.location = "Flore";
    CalendarEvent sync = event("sync@x", Date{2024, 9, 10}, "09:00", 60);
    sync.timezone = "America/New_York";
    sync.occurrence = "2024-09-10T09:00";
    ImportPlan plan = plan_import(r.kb, {same, sync}, {});
    REQUIRE(plan.items.size() == 2);
    CHECK(plan.items[0].kind == ImportItem::Kind::unchanged);
    CHECK(plan.items[1].kind == ImportItem::Kind::unchanged);

    CalendarEvent moved = same;
    moved.date = Date{2024, 9, 12};
    moved.time = "13:00";
    moved.location = "Magots";
    sync.duration = 90;
    plan = plan_import(r.kb, {moved, sync}, {});
    REQUIRE(plan.items[0].kind == ImportItem::Kind::update);
    const auto& c = plan.items[0].changes;
    REQUIRE(c.size() == 4);
    CHECK(c[0].key == "date");
    CHECK(c[1].key == "time");
    CHECK(c[2].key == "end");
    CHECK(c[2].to == "14:30");
    CHECK(c[3].key == "location");
    // A note that gives a duration keeps doing so.
    REQUIRE(plan.items[1].changes.size() == 1);
    CHECK(plan.items[1].changes[0].key == "duration");
    CHECK(plan.items[1].changes[0].to == "1h30m");

    std::string text;
    std::string error;
    REQUIRE(fs.read("meetings/2024/old.md", text, error));
    auto next = apply_changes("meetings/2024/old.md", text, c);
    REQUIRE(next);
    CHECK(*next ==
          "---\ntitle: Lunch\ndate: 2024-09-12\ntime: \"13:00\" # booked\nend: \"14:30\"\nlocation: Magots\n"
          "uid: lunch@x\n---\nNotes kept.\n");
  }

  TEST_CASE("import: attendees by e-mail, by name, as 'Last, First'; unknown and ambiguous ones listed") {
    MemFileSystem fs = calendar_fs();
    LoadResult r = load_kb(fs);
    CalendarEvent e = event("new@x", Date{2024, 9, 20}, "10:00", 30);
    e.organizer = CalendarPerson{"", "ana@home.example"};
    e.attendees = {{"Pedro, Francesc", "other@y.org"}, {"Francesc Pedró", "f.pedro@x.org"}, {"Chen, Bo", "bo@y.org"},
                   {"Zhang Wei", ""}, {"", "dana@y.org"}};
    ImportPlan plan = plan_import(r.kb, {e}, {true});
    REQUIRE(plan.items.size() == 1);
    CHECK(plan.items[0].kind == ImportItem::Kind::create);
    CHECK(emit_yaml(plan.items[0].note.front) ==
          "type: meeting\ntitle: Lunch\ndate: 2024-09-20\ntime: \"10:00\"\nend: \"10:30\"\ntimezone: Europe/Paris\n"
          "attendees:\n  - Ana Bell\n  - Francesc Pedro\n  - Bo Chen\n  - Zhang Wei\n  - \"dana@y.org\"\n"
          "uid: \"new@x\"\n");
    CHECK(plan.items[0].note.base == "meetings/2024/2024-09-20-lunch");
    REQUIRE(plan.unknown.size() == 2);
    CHECK(plan.unknown[0].name == "Bo Chen");
    CHECK(plan.unknown[1].name == "dana@y.org");
    CHECK(plan.ambiguous == std::vector<std::string>{"Zhang Wei"});
    REQUIRE(plan.people.size() == 2);
    CHECK(emit_yaml(plan.people[0].front) == "type: person\nname: Bo Chen\nemail: \"bo@y.org\"\n");
    CHECK(plan.people[0].base == "people/bo-chen");
  }

  TEST_CASE("import: past midnight the end is a duration; cancelled events are not written") {
    MemFileSystem fs = calendar_fs();
    LoadResult r = load_kb(fs);
    CalendarEvent late = event("late@x", Date{2024, 9, 20}, "23:00", 90);
    CalendarEvent gone = event("gone@x", Date{2024, 9, 21}, "");
    gone.cancelled = true;
    ImportPlan plan = plan_import(r.kb, {late, gone, late}, {});
    REQUIRE(plan.items.size() == 2);  // the same event twice is taken once
    CHECK(emit_yaml(plan.items[0].note.front).find("duration: \"1h30m\"\n") != std::string::npos);
    CHECK(plan.items[1].kind == ImportItem::Kind::cancelled);
    CHECK(duration_text(45) == "45m");
    CHECK(duration_text(120) == "2h");
  }
}
