#include "kb/render/export.h"

#include <sstream>

#include <doctest/doctest.h>

#include "kb/model/load.h"
#include "kb/parse/markdown.h"
#include "support/mem_fs.h"

using namespace kb;

namespace {

LoadResult small_kb() {
  test::MemFileSystem fs;
  fs.add("kb.yaml", "name: Test, KB\ntimezone: Europe/Paris\n");
  fs.add("people/ana.md", "---\nname: Ana Bell\n---\n");
  fs.add("meetings/a.md",
         "---\ntitle: \"Budget; review, 2025\"\ndate: 2024-09-02\ntime: \"14:00\"\nattendees: [Ana Bell]\n---\n"
         "## Summary\nA line with a backslash \\ and more.\n\n"
         "- [ ] Send [[Ana Bell]] \xF0\x9F\x93\x85 2024-09-20 \xE2\x8F\xAB\n- [ ] No date\n");
  fs.add("meetings/b.md", "---\ntitle: All day\ndate: 2024-12-31\n---\n");
  return load_kb(fs);
}

}  // namespace

TEST_SUITE("render") {
  TEST_CASE("ics: escaping and folding at 75 octets, never inside a UTF-8 character") {
    CHECK(ics_escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne");
    std::string line(74, 'x');
    line += "\xC3\xA9\xC3\xA9";  // é at octets 75-76 must move whole to the next line
    std::string folded = ics_fold(line);
    CHECK(folded == std::string(74, 'x') + "\r\n \xC3\xA9\xC3\xA9\r\n");
    std::string long_line(200, 'y');
    std::string f = ics_fold(long_line);
    std::size_t start = 0, end;
    while ((end = f.find("\r\n", start)) != std::string::npos) {
      CHECK(end - start <= 75);
      start = end + 2;
    }
  }

  TEST_CASE("ics: a VTIMEZONE from a POSIX rule") {
    auto tz = ics_vtimezone("Europe/Paris", "CET-1CEST,M3.5.0,M10.5.0/3");
    REQUIRE(tz);
    CHECK(*tz ==
          "BEGIN:VTIMEZONE\r\nTZID:Europe/Paris\r\n"
          "BEGIN:DAYLIGHT\r\nDTSTART:19700329T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n"
          "TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST\r\nEND:DAYLIGHT\r\n"
          "BEGIN:STANDARD\r\nDTSTART:19701025T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"
          "TZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n");
    auto kolkata = ics_vtimezone("Asia/Kolkata", "IST-5:30");
    REQUIRE(kolkata);
    CHECK(kolkata->find("TZOFFSETTO:+0530\r\n") != std::string::npos);
    auto ny = ics_vtimezone("America/New_York", "EST5EDT,M3.2.0,M11.1.0");
    REQUIRE(ny);
    CHECK(ny->find("DTSTART:19700308T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU") != std::string::npos);
    CHECK(ny->find("DTSTART:19701101T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU") != std::string::npos);
    CHECK(ny->find("TZOFFSETTO:-0400") != std::string::npos);
    CHECK_FALSE(ics_vtimezone("X", "garbage,"));
  }

  TEST_CASE("ics: meetings and due actions; an unknown zone is a warning and the time floats") {
    LoadResult r = small_kb();
    IcsOptions o;
    o.stamp = "20240101T000000Z";
    DiagSink d;
    std::ostringstream out;
    render_ics(out, r.kb, o, d);  // no zone data: Europe/Paris cannot be read
    std::string ics = out.str();
    CHECK(ics.find("X-WR-CALNAME:Test\\, KB\r\n") != std::string::npos);
    CHECK(ics.find("UID:meetings/a@kb\r\nDTSTAMP:20240101T000000Z\r\nDTSTART:20240902T140000\r\n"
                   "SUMMARY:Budget\\; review\\, 2025\r\n") != std::string::npos);
    CHECK(ics.find("DTSTART;VALUE=DATE:20241231\r\nDTEND;VALUE=DATE:20250101\r\n") != std::string::npos);
    CHECK(ics.find("BEGIN:VTODO\r\nUID:meetings/a-L10@kb\r\nDTSTAMP:20240101T000000Z\r\nSUMMARY:Send Ana Bell\r\n"
                   "DUE;VALUE=DATE:20240920\r\nSTATUS:NEEDS-ACTION\r\nPRIORITY:3\r\n") != std::string::npos);
    CHECK(ics.find("No date") == std::string::npos);
    REQUIRE(d.all().size() == 1);
    CHECK(to_string(d.all()[0]) ==
          "meetings/a.md: warning: unknown time zone 'Europe/Paris'; times are written without one (use an IANA "
          "name such as 'Europe/Paris')");
  }

  TEST_CASE("action text without Tasks and Dataview fields") {
    CHECK(plain_text("Send [[Ana Bell|Ana]] the draft \xF0\x9F\x93\x85 2024-10-15 \xE2\x8F\xAB [priority:: high]") ==
          "Send Ana the draft");
    CHECK(plain_text("Book [[Room#B]] due:2024-01-02 (due:: 2024-01-02) \xE2\x9C\x85 2024-01-01") == "Book Room");
    CHECK(plain_text("See ![[chart.png]] and [[A|b]]") == "See chart.png and b");  // embeds read as their name
    CHECK(plain_text("Line one  [[X]]\nline two") == "Line one X\nline two");           // lines kept
  }

  TEST_CASE("sqlite and neo4j: every table and file is produced") {
    LoadResult r = small_kb();
    std::string error;
    auto image = render_sqlite(r.kb, error);
    REQUIRE(image);
    CHECK(image->compare(0, 16, std::string("SQLite format 3\0", 16)) == 0);
    auto files = render_neo4j(r.kb);
    REQUIRE(files.size() == 10);
    CHECK(files[0].first == "people.csv");
    CHECK(files[0].second == "id:ID,name,aliases:string[],tags:string[],honorific,path,:LABEL\n"
                             "people/ana,Ana Bell,,,,people/ana.md,Person\n");
    CHECK(files[4].second.find("meetings/a,\"Budget; review, 2025\",2024-09-02,14:00,") != std::string::npos);
    CHECK(files[7].second == ":START_ID,:END_ID,:TYPE,organization,role\npeople/ana,meetings/a,ATTENDED,,\n");
  }
}
