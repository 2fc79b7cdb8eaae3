#include "kb/parse/ical.h"

#include <doctest/doctest.h>

#include "support/diag_text.h"

using namespace kb;

namespace {

using kb::test::diag_text;

CalendarReadOptions window(std::string zone = "Europe/Paris") {
  return {Date{2024, 1, 1}, Date{2024, 12, 31}, std::move(zone)};
}

std::string calendar(const std::string& body) {
  return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n" + body + "END:VCALENDAR\r\n";
}

std::string event(const std::string& lines) {
  return "BEGIN:VEVENT\r\nDTSTAMP:20240101T000000Z\r\n" + lines + "END:VEVENT\r\n";
}

CalendarRead read_ok(const std::string& text, const CalendarReadOptions& o = window()) {
  DiagSink d;
  auto r = parse_calendar("cal.ics", text, o, d);
  REQUIRE(r);
  CHECK(diag_text(d) == "");
  return *r;
}

}  // namespace

TEST_SUITE("parse") {
  TEST_CASE("ical: an IANA TZID keeps its wall clock and zone; DTEND gives the duration") {
    auto r = read_ok(calendar(event(
        "UID:a@x\r\nSUMMARY:Sync\\, weekly\r\nDTSTART;TZID=America/New_York:20240910T090000\r\n"
        "DTEND;TZID=America/New_York:20240910T103000\r\nLOCATION:Room 1\\; east\r\n")));
    REQUIRE(r.events.size() == 1);
    const CalendarEvent& e = r.events[0];
    CHECK(e.uid == "a@x");
    CHECK(e.title == "Sync, weekly");
    CHECK(to_string(e.date) == "2024-09-10");
    CHECK(e.time == "09:00");
    CHECK(e.timezone == "America/New_York");
    CHECK(e.duration == 90);
    CHECK(e.location == "Room 1; east");
    CHECK(e.occurrence == "");
    CHECK(e.loc.line == 4);
  }

  TEST_CASE("ical: UTC times go into the KB's zone, else X-WR-TIMEZONE, else UTC") {
    std::string ev = event("UID:u@x\r\nSUMMARY:Lunch\r\nDTSTART:20240911T103000Z\r\n");
    SUBCASE("the KB's zone") {
      auto r = read_ok(calendar(ev));
      CHECK(r.events[0].time == "12:30");
      CHECK(r.events[0].timezone == "Europe/Paris");
    }
    SUBCASE("the calendar's own") {
      auto r = read_ok(calendar("X-WR-TIMEZONE:Asia/Tokyo\r\n" + ev), window(""));
      CHECK(r.events[0].time == "19:30");
      CHECK(r.events[0].timezone == "Asia/Tokyo");
    }
    SUBCASE("none") {
      auto r = read_ok(calendar(ev), window(""));
      CHECK(r.events[0].time == "10:30");
      CHECK(r.events[0].timezone == "UTC");
    }
  }

  TEST_CASE("ical: Windows zone names map to IANA; a custom TZID is converted by its VTIMEZONE") {
    std::string vtz =
        "BEGIN:VTIMEZONE\r\nTZID:Customized Time Zone\r\nBEGIN:STANDARD\r\nDTSTART:16010101T000000\r\n"
        "TZOFFSETFROM:+0530\r\nTZOFFSETTO:+0530\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n";
    auto r = read_ok(calendar(vtz + event("UID:w@x\r\nDTSTART;TZID=\"Romance Standard Time\":20240902T140000\r\n") +
                              event("UID:c@x\r\nDTSTART;TZID=Customized Time Zone:20240906T153000\r\n") +
                              event("UID:p@x\r\nDTSTART;TZID=/freeassociation.sourceforge.net/Tzfile/Europe/London:"
                                    "20240907T090000\r\n")));
    REQUIRE(r.events.size() == 3);
    CHECK(r.events[2].timezone == "Europe/London");
    CHECK(r.events[2].time == "09:00");
    CHECK(r.events[0].timezone == "Europe/Paris");
    CHECK(r.events[0].time == "14:00");
    CHECK(r.events[0].title == "Untitled event");
    CHECK(r.events[1].timezone == "Europe/Paris");  // 15:30 +05:30 is 10:00 UTC, 12:00 in Paris
    CHECK(r.events[1].time == "12:00");
  }

  TEST_CASE("ical: all-day events have a date and no time") {
    auto r = read_ok(calendar(event("UID:d@x\r\nDTSTART;VALUE=DATE:20240902\r\nDTEND;VALUE=DATE:20240906\r\n")));
    CHECK(to_string(r.events[0].date) == "2024-09-02");
    CHECK(r.events[0].time == "");
    CHECK(r.events[0].timezone == "");
    CHECK(r.events[0].duration == 0);
  }

  TEST_CASE("ical: RRULE is expanded in the window, without EXDATEs, with overrides in their place") {
    std::string text = calendar(
        event("UID:r@x\r\nSUMMARY:Stand-up\r\nDTSTART;TZID=Europe/Paris:20240903T093000\r\n"
              "DTEND;TZID=Europe/Paris:20240903T100000\r\nRRULE:FREQ=WEEKLY;COUNT=5\r\n"
              "EXDATE;TZID=Europe/Paris:20240917T093000\r\n") +
        event("UID:r@x\r\nSUMMARY:Stand-up (moved)\r\nRECURRENCE-ID;TZID=Europe/Paris:20240924T093000\r\n"
              "DTSTART;TZID=Europe/Paris:20240925T110000\r\n"));
    auto r = read_ok(text, {Date{2024, 9, 5}, Date{2024, 12, 31}, "Europe/Paris"});
    REQUIRE(r.events.size() == 3);
    CHECK(to_string(r.events[0].date) == "2024-09-10");
    CHECK(r.events[0].occurrence == "2024-09-10T09:30");
    CHECK(r.events[0].duration == 30);
    CHECK(r.events[1].title == "Stand-up (moved)");
    CHECK(to_string(r.events[1].date) == "2024-09-25");
    CHECK(r.events[1].occurrence == "2024-09-24T09:30");
    CHECK(to_string(r.events[2].date) == "2024-10-01");
    CHECK(r.outside == 0);  // occurrences before the window are not counted
  }

  TEST_CASE("ical: attendees with CN and mailto; rooms left out; the organizer") {
    auto r = read_ok(calendar(event(
        "UID:p@x\r\nDTSTART:20240902T120000Z\r\nORGANIZER;CN=\"Valentini, Arianna\":mailto:A.V@x.org\r\n"
        "ATTENDEE;CN=Bo Chen:mailto:bo@x.org\r\nATTENDEE;CN=dana@x.org:mailto:dana@x.org\r\n"
        "ATTENDEE;CUTYPE=ROOM;CN=Room XI:mailto:room@x.org\r\n")));
    const CalendarEvent& e = r.events[0];
    REQUIRE(e.organizer);
    CHECK(e.organizer->name == "Valentini, Arianna");
    CHECK(e.organizer->email == "a.v@x.org");
    REQUIRE(e.attendees.size() == 2);
    CHECK(e.attendees[0].name == "Bo Chen");
    CHECK(e.attendees[1].name == "");  // the address given as the name
    CHECK(e.attendees[1].email == "dana@x.org");
  }

  TEST_CASE("ical: broken files are one error with the line") {
    struct Case {
      std::string text, want;
    };
    for (const Case& c : std::vector<Case>{
             {"", "cal.ics:1: error: not an iCalendar file (it is empty)\n"},
             {"hello\n", "cal.ics:1: error: not an iCalendar file (expected 'BEGIN:VCALENDAR' first)\n"},
             {"BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:x\n",
              "cal.ics:2: error: 'BEGIN:VEVENT' is never closed (the file is cut short?)\n"},
             {"BEGIN:VCALENDAR\nBEGIN:VEVENT\nEND:VTODO\nEND:VCALENDAR\n",
              "cal.ics:3: error: 'END:VTODO' where 'BEGIN:VEVENT' of line 2 is still open\n"},
             {"BEGIN:VCALENDAR\nBEGIN:VEVENT\nno colon here\nEND:VEVENT\nEND:VCALENDAR\n",
              "cal.ics:3: error: not an iCalendar content line (expected NAME:VALUE)\n"},
         }) {
      CAPTURE(c.text);
      DiagSink d;
      CHECK_FALSE(parse_calendar("cal.ics", c.text, window(), d));
      CHECK(diag_text(d) == c.want);
    }
  }

  TEST_CASE("ical: an event kb cannot use is a warning at its line; the others are read") {
    DiagSink d;
    auto r = parse_calendar("cal.ics",
                            calendar(event("SUMMARY:No uid\r\nDTSTART:20240902T120000Z\r\n") +
                                     event("UID:n@x\r\nSUMMARY:No start\r\n") +
                                     event("UID:b@x\r\nSUMMARY:Bad start\r\nDTSTART:2024-99\r\nDESCRIPTION:\r\n") +
                                     event("UID:ok@x\r\nDTSTART:20240902T120000Z\r\n")),
                            window(), d);
    REQUIRE(r);
    CHECK(r->events.size() == 1);
    CHECK(diag_text(d) ==
          "cal.ics:4: warning: event 'No uid' has no UID; left out (kb needs it to know the event again)\n"
          "cal.ics:9: warning: event 'No start' has no DTSTART; left out\n"
          "cal.ics:14: warning: event 'Bad start' left out: can't parse as DATE-TIME value in DTSTART property "
          "('2024-99')\n");
  }

  TEST_CASE("ical: events outside the window are counted") {
    auto r = read_ok(calendar(event("UID:o@x\r\nDTSTART;VALUE=DATE:20230101\r\n")));
    CHECK(r.events.empty());
    CHECK(r.outside == 1);
  }
}
