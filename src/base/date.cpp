#include "kb/base/date.h"

#include <array>
#include <charconv>
#include <ctime>
#include <vector>

#include <fmt/format.h>

namespace kb {
namespace {

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

bool parse_digits(std::string_view s, int& out) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  auto r = std::from_chars(s.data(), s.data() + s.size(), out);
  return r.ec == std::errc();
}

std::string pad(int v, int width) {
  std::string s = std::to_string(v);
  if (static_cast<int>(s.size()) < width) s.insert(0, width - s.size(), '0');
  return s;
}

}  // namespace

bool is_valid_date(int y, int m, int d) {
  return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

std::optional<Date> parse_date(std::string_view t) {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
  int y = 0, m = 0, d = 0;
  if (!parse_digits(t.substr(0, 4), y) || !parse_digits(t.substr(5, 2), m) ||
      !parse_digits(t.substr(8, 2), d))
    return std::nullopt;
  if (!is_valid_date(y, m, d)) return std::nullopt;
  return Date{y, m, d};
}

std::optional<IsoWeek> parse_iso_week(std::string_view t) {
  if (t.size() != 8 || t[4] != '-' || (t[5] != 'W' && t[5] != 'w')) return std::nullopt;
  int y = 0, w = 0;
  if (!parse_digits(t.substr(0, 4), y) || !parse_digits(t.substr(6, 2), w)) return std::nullopt;
  if (y < 1 || w < 1) return std::nullopt;
  // A year has 53 weeks when 28 December lies in week 53.
  if (w > iso_week_of(Date{y, 12, 28}).week) return std::nullopt;
  return IsoWeek{y, w};
}

std::optional<std::string> parse_time(std::string_view t) {
  if (t.size() != 5 || t[2] != ':') return std::nullopt;
  int h = 0, m = 0;
  if (!parse_digits(t.substr(0, 2), h) || !parse_digits(t.substr(3, 2), m)) return std::nullopt;
  if (h > 23 || m > 59) return std::nullopt;
  return std::string(t);
}

namespace {

// `H:MM` or `HH:MM`, then seconds and a fraction, then (after a date) a zone; "HH:MM" or none.
std::optional<std::string> parse_clock(std::string_view t, bool zone_allowed) {
  const std::size_t colon = t.find(':');
  if ((colon != 1 && colon != 2) || t.size() < colon + 3) return std::nullopt;
  auto hhmm = parse_time((colon == 1 ? "0" : "") + std::string(t.substr(0, colon + 3)));
  std::string_view rest = t.substr(colon + 3);
  int seconds = 0;
  if (rest.size() >= 3 && rest[0] == ':' && parse_digits(rest.substr(1, 2), seconds) && seconds <= 60) {
    rest.remove_prefix(3);
    if (rest.size() >= 2 && rest[0] == '.' && rest[1] >= '0' && rest[1] <= '9') {
      rest.remove_prefix(1);
      while (!rest.empty() && rest[0] >= '0' && rest[0] <= '9') rest.remove_prefix(1);
    }
  }
  if (!rest.empty() && !(zone_allowed && (rest == "Z" || rest[0] == '+' || rest[0] == '-'))) return std::nullopt;
  return hhmm;
}

}  // namespace

std::optional<std::string> parse_time_value(std::string_view t) {
  if (t.size() > 11 && (t[10] == 'T' || t[10] == ' ') && parse_date(t.substr(0, 10)))
    return parse_clock(t.substr(11), true);
  return parse_clock(t, false);
}

std::optional<int> parse_duration(std::string_view t) {
  if (t.size() > 2 && (t.substr(0, 2) == "PT" || t.substr(0, 2) == "pt")) t.remove_prefix(2);
  int total = 0;
  bool any = false;
  while (!t.empty()) {
    std::size_t n = 0;
    while (n < t.size() && n < 5 && t[n] >= '0' && t[n] <= '9') ++n;
    int value = 0;
    if (n == 0 || !parse_digits(t.substr(0, n), value)) return std::nullopt;
    t.remove_prefix(n);
    char unit = t.empty() ? 'm' : static_cast<char>(t[0] | 0x20);  // a bare number is minutes
    if (unit == 'h') total += value * 60;
    else if (unit == 'm') total += value;
    else return std::nullopt;
    if (!t.empty()) t.remove_prefix(1);
    any = true;
  }
  if (!any || total <= 0 || total >= 24 * 60) return std::nullopt;
  return total;
}

int minutes_of_day(std::string_view hhmm) {
  if (!parse_time(hhmm)) return -1;
  return (hhmm[0] - '0') * 600 + (hhmm[1] - '0') * 60 + (hhmm[3] - '0') * 10 + (hhmm[4] - '0');
}

std::string hhmm_of(int minutes) {
  minutes = ((minutes % 1440) + 1440) % 1440;
  return pad(minutes / 60, 2) + ':' + pad(minutes % 60, 2);
}

std::string expected_date(std::string_view t) {
  const std::string plain = "expected YYYY-MM-DD";
  if (t.size() < 8 || t.size() > 10 || (t[4] != '/' && t[4] != '.')) return plain;
  const char sep = t[4];
  const std::size_t second = t.find(sep, 5);
  int y = 0, m = 0, d = 0;
  if (second == std::string_view::npos || !parse_digits(t.substr(0, 4), y) ||
      !parse_digits(t.substr(5, second - 5), m) || !parse_digits(t.substr(second + 1), d) || second - 5 > 2 ||
      t.size() - second - 1 > 2 || !is_valid_date(y, m, d))
    return plain;
  return fmt::format("{}, as in '{}'", plain, to_string(Date{y, m, d}));
}

// One formatting call: reports print tens of thousands of dates.
std::string to_string(const Date& d) { return fmt::format("{:04}-{:02}-{:02}", d.year, d.month, d.day); }

std::string date_text(const std::optional<Date>& d) { return d ? to_string(*d) : std::string(); }

std::string to_string(const IsoWeek& w) { return pad(w.year, 4) + "-W" + pad(w.week, 2); }

// Howard Hinnant's civil-date algorithms.
long days_from_civil(const Date& date) {
  int y = date.year;
  const unsigned m = date.month, d = date.day;
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

Date civil_from_days(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long y = static_cast<long>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return Date{static_cast<int>(y + (m <= 2)), static_cast<int>(m), static_cast<int>(d)};
}

Date add_days(const Date& d, long n) { return civil_from_days(days_from_civil(d) + n); }

int iso_weekday(const Date& d) {
  long z = days_from_civil(d);  // 1970-01-01 was a Thursday (4)
  long wd = (z + 3) % 7;
  if (wd < 0) wd += 7;
  return static_cast<int>(wd) + 1;
}

IsoWeek iso_week_of(const Date& d) {
  // The week belongs to the year that holds its Thursday.
  Date thursday = add_days(d, 4 - iso_weekday(d));
  long first = days_from_civil(Date{thursday.year, 1, 1});
  int week = static_cast<int>((days_from_civil(thursday) - first) / 7) + 1;
  return IsoWeek{thursday.year, week};
}

Date monday_of(const IsoWeek& w) {
  Date jan4{w.year, 1, 4};
  Date week1_monday = add_days(jan4, 1 - iso_weekday(jan4));
  return add_days(week1_monday, 7L * (w.week - 1));
}

namespace {

// The words of a phrase, lower-cased (ASCII), split on spaces.
std::vector<std::string> phrase_words(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text) {
    // `last-monday`, `this-week`: a dash after a letter parts words as a space does (a leading
    // one is a sign: `-7d`).
    const bool after_letter = !word.empty() && word.back() >= 'a' && word.back() <= 'z';
    if (c == ' ' || c == '\t' || (c == '-' && after_letter)) {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
    } else {
      word += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

// 1 = Monday ... 7 = Sunday, from a day's name or its first three letters.
std::optional<int> weekday_named(std::string_view word) {
  static constexpr std::array<std::string_view, 7> kNames = {"monday", "tuesday", "wednesday", "thursday",
                                                             "friday", "saturday", "sunday"};
  for (std::size_t i = 0; i < kNames.size(); ++i)
    if (word == kNames[i] || (word.size() == 3 && kNames[i].substr(0, 3) == word)) return static_cast<int>(i) + 1;
  return std::nullopt;
}

// `-7d`, `+2w`: days or weeks from today.
std::optional<Date> offset_from(std::string_view word, const Date& today) {
  if (word.size() < 2) return std::nullopt;
  // A sign is required: "7d" alone could mean either way.
  if (word[0] != '+' && word[0] != '-') return std::nullopt;
  const int sign = word[0] == '-' ? -1 : 1;
  word.remove_prefix(1);
  const char unit = word.back();
  word.remove_suffix(1);
  if ((unit != 'd' && unit != 'w') || word.empty() || word.size() > 5) return std::nullopt;
  long n = 0;
  for (char c : word) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + (c - '0');
  }
  const Date d = add_days(today, sign * n * (unit == 'w' ? 7 : 1));
  if (d.year < 1 || d.year > 9999) return std::nullopt;
  return d;
}

}  // namespace

std::optional<Date> parse_date_phrase(std::string_view text, const Date& today) {
  if (auto d = parse_date(text)) return d;
  const std::vector<std::string> w = phrase_words(text);
  if (w.size() == 1) {
    if (w[0] == "today") return today;
    if (w[0] == "yesterday") return add_days(today, -1);
    if (w[0] == "tomorrow") return add_days(today, 1);
    return offset_from(w[0], today);
  }
  if (w.size() != 2) return std::nullopt;
  const std::optional<int> day = weekday_named(w[1]);
  if (!day) return std::nullopt;
  const int now = iso_weekday(today);
  if (w[0] == "last") return add_days(today, -((now - *day + 6) % 7 + 1));
  if (w[0] == "next") return add_days(today, (*day - now + 6) % 7 + 1);
  if (w[0] == "this") return add_days(today, *day - now);
  return std::nullopt;
}

std::optional<IsoWeek> parse_week_phrase(std::string_view text, const Date& today) {
  if (auto w = parse_iso_week(text)) return w;
  const std::vector<std::string> words = phrase_words(text);
  if (words.size() == 2 && words[1] == "week") {
    if (words[0] == "this") return iso_week_of(today);
    if (words[0] == "last") return iso_week_of(add_days(today, -7));
    if (words[0] == "next") return iso_week_of(add_days(today, 7));
    return std::nullopt;
  }
  if (auto d = parse_date_phrase(text, today)) return iso_week_of(*d);
  return std::nullopt;
}

Date today_local() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  localtime_r(&now, &tm);
  return Date{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

std::string long_date(const Date& d) {
  static constexpr std::array<const char*, 7> kDays = {"Mon", "Tue", "Wed", "Thu",
                                                       "Fri", "Sat", "Sun"};
  static constexpr std::array<const char*, 12> kMonths = {
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  return std::string(kDays[iso_weekday(d) - 1]) + ' ' + std::to_string(d.day) + ' ' +
         kMonths[d.month - 1] + ' ' + std::to_string(d.year);
}

}  // namespace kb
