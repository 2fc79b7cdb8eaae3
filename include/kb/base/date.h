#pragma once
// Calendar dates and ISO 8601 weeks. Dates are civil dates with no time zone, so a date-only
// value is never shifted. Parsing is strict: `2024-02-30` is not a date.

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kb {

/// Six bytes (an optional one eight), as records keep several each: years 0 to 9999 are all
/// parse_date() reads, and arithmetic on them stays far inside 16 bits.
struct Date {
  std::int16_t year = 1970;
  std::int16_t month = 1;
  std::int16_t day = 1;
  constexpr Date() = default;
  constexpr Date(int y, int m, int d)
      : year(static_cast<std::int16_t>(y)), month(static_cast<std::int16_t>(m)), day(static_cast<std::int16_t>(d)) {}
  auto operator<=>(const Date&) const = default;
  /// One number that orders dates as <=> does (to sort by a key made once).
  constexpr std::int32_t sort_key() const { return year * 512 + month * 32 + day; }
};

struct IsoWeek {
  int year = 1970;
  int week = 1;
  auto operator<=>(const IsoWeek&) const = default;
};

/// Parses exactly `YYYY-MM-DD` naming a real calendar date; std::nullopt otherwise.
std::optional<Date> parse_date(std::string_view text);
/// Parses `YYYY-Www` (also lower-case w) naming a week that exists in that ISO year.
std::optional<IsoWeek> parse_iso_week(std::string_view text);
/// Parses `HH:MM` (24 h); returns it unchanged or std::nullopt.
std::optional<std::string> parse_time(std::string_view text);
/// A time as notes write it, as `HH:MM`: `14:00`, `9:30` (09:30), with seconds (`14:00:00`,
/// `14:00:00.000`), or a date-time (`2024-09-02T10:30:00`, or with a space; a `Z` or offset
/// after it is ignored: the wall clock is kept). std::nullopt for anything else.
/// Example: parse_time_value("2024-09-02T9:30:00+02:00") == "09:30".
std::optional<std::string> parse_time_value(std::string_view text);
/// A meeting's length as notes write it, in minutes: `90` (minutes), `45m`, `2h`, `1h30m`,
/// `1h30`, or ISO 8601 `PT1H30M`; more than 0 and less than a day. std::nullopt otherwise.
/// Example: parse_duration("1h30m") == 90.
std::optional<int> parse_duration(std::string_view text);
/// Minutes after midnight of an `HH:MM` time (parse_time()); -1 when it is not one.
int minutes_of_day(std::string_view hhmm);
/// `HH:MM` of `minutes` after midnight, modulo a day.
std::string hhmm_of(int minutes);
/// What a date that does not parse should have been, for its message: "expected YYYY-MM-DD",
/// with the date itself when `text` writes one year first with other separators
/// (`2024/09/02`, `2024.9.2`: "expected YYYY-MM-DD, as in '2024-09-02'").
std::string expected_date(std::string_view text);

std::string to_string(const Date& d);   ///< `YYYY-MM-DD`
/// `YYYY-MM-DD`, or "" for no date (a table cell, a report's optional text).
std::string date_text(const std::optional<Date>& d);
std::string to_string(const IsoWeek& w);  ///< `YYYY-Www`

/// Days since 1970-01-01 (negative before).
long days_from_civil(const Date& d);
Date civil_from_days(long days);
Date add_days(const Date& d, long n);
/// 1 = Monday ... 7 = Sunday.
int iso_weekday(const Date& d);
IsoWeek iso_week_of(const Date& d);
Date monday_of(const IsoWeek& w);
bool is_valid_date(int y, int m, int d);
/// Today's date in the local time zone of the machine (the only clock read in the core).
Date today_local();
/// A date as people say it, relative to `today`: `YYYY-MM-DD`; `today`, `yesterday`,
/// `tomorrow`; `-7d`, `+2w` (days or weeks before or after today; the sign is needed); `last
/// monday` (the latest Monday before today), `next fri` (the first Friday after today), `this
/// friday` (the Friday of today's ISO week). Case and extra spaces do not matter.
/// Example: parse_date_phrase("last monday", Date{2024, 9, 4}) == Date{2024, 9, 2}.
std::optional<Date> parse_date_phrase(std::string_view text, const Date& today);
/// A week as people say it: `YYYY-Www`, `this week`, `last week`, `next week`, or any
/// parse_date_phrase() (the week holding that day).
std::optional<IsoWeek> parse_week_phrase(std::string_view text, const Date& today);
/// The forms parse_date_phrase() reads, for messages.
inline constexpr const char* kDatePhrases = "YYYY-MM-DD, today, yesterday, tomorrow, -7d, +2w, last monday, next friday";

/// English month-day form for prose, e.g. `Mon 2 September 2024`.
std::string long_date(const Date& d);

/// True when `id` is an IANA time zone name ICU knows ("Europe/Paris", "UTC"); false for
/// anything else ("Paris", "CEST", "").
bool is_time_zone(std::string_view id);

/// A wall-clock time in some zone.
struct LocalDateTime {
  Date date;
  int minutes = 0;  ///< after midnight
  auto operator<=>(const LocalDateTime&) const = default;
};

/// The wall clock in IANA zone `zone` at `utc_seconds` since the epoch; std::nullopt when
/// is_time_zone(zone) is false.
std::optional<LocalDateTime> local_time_in(std::string_view zone, std::int64_t utc_seconds);
/// The IANA zone for a Windows time-zone name as Outlook writes TZIDs ("W. Europe Standard
/// Time" -> "Europe/Berlin", the zone of region 001 in CLDR's table); empty when unknown.
std::string zone_for_windows_name(std::string_view windows_name);

}  // namespace kb
