#include "kb/base/date.h"

#include <doctest/doctest.h>

using kb::Date;
using kb::IsoWeek;

TEST_SUITE("date") {
  TEST_CASE("parse_date accepts real calendar dates only") {
    CHECK(kb::parse_date("2024-09-02") == Date{2024, 9, 2});
    CHECK(kb::parse_date("2024-02-29") == Date{2024, 2, 29});
    CHECK_FALSE(kb::parse_date("2023-02-29"));
    CHECK_FALSE(kb::parse_date("2024-02-30"));
    CHECK_FALSE(kb::parse_date("2024-13-01"));
    CHECK_FALSE(kb::parse_date("2024-9-2"));
    CHECK_FALSE(kb::parse_date("2024-09-02x"));
    CHECK_FALSE(kb::parse_date(""));
  }

  TEST_CASE("dates print as YYYY-MM-DD, zero-padded") {
    CHECK(kb::to_string(Date{2024, 9, 2}) == "2024-09-02");
    CHECK(kb::to_string(Date{987, 12, 31}) == "0987-12-31");
    CHECK(kb::to_string(Date{9999, 1, 1}) == "9999-01-01");
    CHECK(kb::to_string(Date{12345, 1, 1}) == "12345-01-01");  // past four digits, as written
    for (int y : {1, 1970, 2000, 2026})
      for (int m = 1; m <= 12; ++m)
        for (int d = 1; d <= 28; d += 9) CHECK(kb::parse_date(kb::to_string(Date{y, m, d})) == Date{y, m, d});
  }

  TEST_CASE("ISO weeks: 2024-W36 is Monday 2 to Sunday 8 September") {
    CHECK(kb::iso_week_of(Date{2024, 9, 2}) == IsoWeek{2024, 36});
    CHECK(kb::iso_week_of(Date{2024, 9, 8}) == IsoWeek{2024, 36});
    CHECK(kb::monday_of(IsoWeek{2024, 36}) == Date{2024, 9, 2});
  }

  TEST_CASE("ISO weeks: year edges") {
    CHECK(kb::iso_week_of(Date{2024, 12, 30}) == IsoWeek{2025, 1});
    CHECK(kb::iso_week_of(Date{2021, 1, 3}) == IsoWeek{2020, 53});
    CHECK(kb::monday_of(IsoWeek{2025, 1}) == Date{2024, 12, 30});
    CHECK(kb::parse_iso_week("2020-W53") == IsoWeek{2020, 53});
    CHECK_FALSE(kb::parse_iso_week("2024-W53"));
    CHECK_FALSE(kb::parse_iso_week("2024-W00"));
    CHECK(kb::to_string(IsoWeek{2025, 1}) == "2025-W01");
  }

  TEST_CASE("parse_time takes HH:MM in 24 hours") {
    CHECK(kb::parse_time("14:00") == std::string("14:00"));
    CHECK_FALSE(kb::parse_time("24:00"));
    CHECK_FALSE(kb::parse_time("9:00"));
  }

  TEST_CASE("date phrases: days as people say them, from a fixed today") {
    using kb::Date;
    const Date wed{2024, 9, 4};  // a Wednesday
    auto at = [&](const char* text) { return kb::parse_date_phrase(text, wed); };
    CHECK(at("2024-09-02") == Date{2024, 9, 2});
    CHECK(at("today") == wed);
    CHECK(at("Yesterday") == Date{2024, 9, 3});
    CHECK(at(" tomorrow ") == Date{2024, 9, 5});
    CHECK(at("-7d") == Date{2024, 8, 28});
    CHECK(at("+2w") == Date{2024, 9, 18});
    CHECK(at("-0d") == wed);
    CHECK(at("last monday") == Date{2024, 9, 2});
    CHECK(at("last wednesday") == Date{2024, 8, 28});  // never today
    CHECK(at("next wednesday") == Date{2024, 9, 11});
    CHECK(at("next Fri") == Date{2024, 9, 6});
    CHECK(at("this friday") == Date{2024, 9, 6});
    CHECK(at("this monday") == Date{2024, 9, 2});
    CHECK(at("last  sunday") == Date{2024, 9, 1});
    // A dash after a word parts words (completion offers `last-monday`); a leading one is a sign.
    CHECK(at("last-monday") == Date{2024, 9, 2});
    CHECK(at("Next-Fri") == Date{2024, 9, 6});
    // Across a year's end.
    CHECK(kb::parse_date_phrase("tomorrow", Date{2024, 12, 31}) == Date{2025, 1, 1});
    CHECK(kb::parse_date_phrase("-1w", Date{2025, 1, 3}) == Date{2024, 12, 27});
    for (const char* bad : {"", "7d", "-7", "-d", "+2x", "-999999d", "last", "last week", "next moon", "monday",
                            "the day after", "2024-02-30", "yesterday today"})
      CHECK_MESSAGE(!at(bad), bad);
  }

  TEST_CASE("week phrases: this, last and next week, or the week of a day") {
    using kb::Date;
    using kb::IsoWeek;
    const Date mon{2024, 9, 2};
    CHECK(kb::parse_week_phrase("2024-W36", mon) == IsoWeek{2024, 36});
    CHECK(kb::parse_week_phrase("this week", mon) == IsoWeek{2024, 36});
    CHECK(kb::parse_week_phrase("Last Week", mon) == IsoWeek{2024, 35});
    CHECK(kb::parse_week_phrase("next week", mon) == IsoWeek{2024, 37});
    CHECK(kb::parse_week_phrase("last-week", mon) == IsoWeek{2024, 35});
    CHECK(kb::parse_week_phrase("this-week", mon) == IsoWeek{2024, 36});
    CHECK(kb::parse_week_phrase("yesterday", mon) == IsoWeek{2024, 35});
    CHECK(kb::parse_week_phrase("2024-09-08", mon) == IsoWeek{2024, 36});
    CHECK(kb::parse_week_phrase("last week", Date{2025, 1, 1}) == IsoWeek{2024, 52});
    CHECK_FALSE(kb::parse_week_phrase("some week", mon));
    CHECK_FALSE(kb::parse_week_phrase("2024-W54", mon));
  }
}

TEST_SUITE("date") {
  TEST_CASE("issue 23: a time as notes write it is read as HH:MM") {
    using kb::parse_time_value;
    CHECK(parse_time_value("14:00") == "14:00");
    CHECK(parse_time_value("9:30") == "09:30");
    CHECK(parse_time_value("09:30:15") == "09:30");
    CHECK(parse_time_value("09:30:15.250") == "09:30");
    CHECK(parse_time_value("2024-09-02T10:30:00") == "10:30");
    CHECK(parse_time_value("2024-09-02 10:30") == "10:30");
    CHECK(parse_time_value("2024-09-02T9:30:00+02:00") == "09:30");
    CHECK(parse_time_value("2024-09-02T23:59:59Z") == "23:59");
    for (const char* bad : {"", "9", "930", "9:3", "24:00", "9:60", "10:30Z", "10:30 am", "9.30", "2024-09-02",
                            "2024-13-02T10:30", "2024-09-02T", "10:30:99", "-1:30"}) {
      INFO(bad);
      CHECK_FALSE(parse_time_value(bad));
    }
  }

  TEST_CASE("issue 23: a date written year first with other separators is named in its message") {
    using kb::expected_date;
    CHECK(expected_date("2024/09/02") == "expected YYYY-MM-DD, as in '2024-09-02'");
    CHECK(expected_date("2024.9.2") == "expected YYYY-MM-DD, as in '2024-09-02'");
    for (const char* other : {"02/09/2024", "2024/13/02", "2024/02/30", "2024/9", "2024-13-01", "2024/09.02",
                              "2024/009/02", "yesterday", ""}) {
      INFO(other);
      CHECK(expected_date(other) == "expected YYYY-MM-DD");
    }
  }
}
