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
}
