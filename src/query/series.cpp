#include "kb/query/series.h"

#include <algorithm>
#include <map>
#include <tuple>

#include <fmt/format.h>

#include "kb/base/text.h"
#include "kb/parse/markdown.h"
#include "kb/query/meetings.h"

namespace kb {
namespace {

bool in_series(const Record& m) { return m.type == RecordType::meeting && m.defined && m.date && !m.series.empty(); }

// The series of the KB by name key, each with its meetings oldest first and its name as the
// newest meeting writes it.
std::map<std::string, Series> series_by_key(const KnowledgeBase& kb, const std::string* only_key) {
  std::map<std::string, Series> out;
  for (NodeId id : kb.all_of(RecordType::meeting)) {
    const Record& m = kb.at(id);
    if (!in_series(m)) continue;
    std::string key = name_key(m.series.view());
    if (key.empty() || (only_key && key != *only_key)) continue;
    out[key].meetings.push_back(id);
  }
  for (auto& [key, s] : out) {
    sort_meetings(kb, s.meetings, false);
    s.name = kb.at(s.meetings.back()).series.str();
  }
  return out;
}

int months_between(const Date& a, const Date& b) { return (b.year - a.year) * 12 + (b.month - a.month); }

Date add_months(const Date& d, int n) {
  int m0 = d.year * 12 + (d.month - 1) + n;
  return Date{m0 / 12, m0 % 12 + 1, 1};
}

int days_in_month(int year, int month) {
  int d = 31;
  while (d > 28 && !is_valid_date(year, month, d)) --d;
  return d;
}

// Which occurrence of its weekday a date is in its month (1 to 5).
int nth_weekday(const Date& d) { return (d.day - 1) / 7 + 1; }

// The n-th `weekday` of the month of `first` (day 1), or std::nullopt when the month has none.
std::optional<Date> nth_weekday_of(const Date& first, int nth, int weekday) {
  int offset = (weekday - iso_weekday(first) + 7) % 7;
  int day = 1 + offset + (nth - 1) * 7;
  if (day > days_in_month(first.year, first.month)) return std::nullopt;
  return Date{first.year, first.month, day};
}

// The same gap between each two dates (oldest first), or 0.
template <class Gap>
int equal_gaps(const std::vector<Date>& dates, Gap&& gap) {
  const int first = static_cast<int>(gap(dates[0], dates[1]));
  for (std::size_t i = 2; i < dates.size(); ++i)
    if (gap(dates[i - 1], dates[i]) != first) return 0;
  return first;
}

// The rhythm the dates (oldest first, two or more) keep, or Kind::none. A week-based gap of up
// to three weeks wins; then a month-based rhythm (a gap of 30 or 35 days between two meetings
// is "monthly" as people plan it, not "every 30 days"); then any equal gap in days.
Cadence cadence_of(const std::vector<Date>& dates) {
  const int days =
      equal_gaps(dates, [](const Date& a, const Date& b) { return days_from_civil(b) - days_from_civil(a); });
  if (days > 0 && days % 7 == 0 && days <= 21) return {Cadence::Kind::days, days, 0, 0};
  const int months = equal_gaps(dates, months_between);
  auto same = [&](auto&& key) {
    return std::all_of(dates.begin(), dates.end(), [&](const Date& d) { return key(d) == key(dates[0]); });
  };
  if (months > 0 && same([](const Date& d) { return d.day; }))
    return {Cadence::Kind::month_day, months, dates[0].day, 0};
  if (months > 0 && same([](const Date& d) { return iso_weekday(d); }) && same(nth_weekday))
    return {Cadence::Kind::month_weekday, months, nth_weekday(dates[0]), iso_weekday(dates[0])};
  if (days > 0) return {Cadence::Kind::days, days, 0, 0};
  return {};
}

}  // namespace

bool same_series(std::string_view series, std::string_view name) {
  std::string key = name_key(link_target(name));
  return !key.empty() && name_key(link_target(series)) == key;
}

std::vector<Series> find_all_series(const KnowledgeBase& kb) {
  std::vector<Series> out;
  for (auto& [key, s] : series_by_key(kb, nullptr)) out.push_back(std::move(s));
  std::stable_sort(out.begin(), out.end(),
                   [](const Series& a, const Series& b) { return fold(a.name) < fold(b.name); });
  return out;
}

std::optional<Series> find_series(const KnowledgeBase& kb, std::string_view name) {
  const std::string key = name_key(link_target(name));
  if (key.empty()) return std::nullopt;
  auto all = series_by_key(kb, &key);
  if (all.empty()) return std::nullopt;
  return std::move(all.begin()->second);
}

std::vector<std::string> suggest_series(const KnowledgeBase& kb, std::string_view name) {
  const std::string key = name_key(name);
  const std::size_t cap = std::max<std::size_t>(2, key.size() / 3);
  std::vector<std::pair<std::size_t, std::string>> scored;
  for (const auto& s : find_all_series(kb)) {
    const std::string sk = name_key(s.name);
    std::size_t d = edit_distance(key, sk, cap);
    if (d > cap && key.size() >= 3 && sk.find(key) != std::string::npos) d = cap;  // a word of it
    if (d <= cap) scored.emplace_back(d, s.name);
  }
  std::stable_sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::string> out;
  for (std::size_t i = 0; i < scored.size() && i < 3; ++i) out.push_back(scored[i].second);
  return out;
}

Cadence find_cadence(const KnowledgeBase& kb, const Series& s) {
  std::vector<Date> dates;  // distinct days, oldest first: two meetings on one day are one occurrence
  for (NodeId id : s.meetings)
    if (dates.empty() || dates.back() != *kb.at(id).date) dates.push_back(*kb.at(id).date);
  if (dates.size() < 2) return {};
  if (dates.size() > 4) dates.erase(dates.begin(), dates.end() - 4);
  return cadence_of(dates);
}

std::optional<Date> next_in_cadence(const Cadence& c, const Date& last) {
  switch (c.kind) {
    case Cadence::Kind::none: return std::nullopt;
    case Cadence::Kind::days: return add_days(last, c.every);
    case Cadence::Kind::month_day: {
      Date first = add_months(last, c.every);
      return Date{first.year, first.month, std::min(c.nth, days_in_month(first.year, first.month))};
    }
    case Cadence::Kind::month_weekday: return nth_weekday_of(add_months(last, c.every), c.nth, c.weekday);
  }
  return std::nullopt;
}

std::string describe(const Cadence& c) {
  static const char* const kNth[] = {"", "first", "second", "third", "fourth", "fifth"};
  static const char* const kDay[] = {"", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
  const std::string months = c.every == 1 ? "monthly" : fmt::format("every {} months", c.every);
  switch (c.kind) {
    case Cadence::Kind::none: return "";
    case Cadence::Kind::days:
      if (c.every % 7 == 0) return c.every == 7 ? "weekly" : fmt::format("every {} weeks", c.every / 7);
      return fmt::format("every {} days", c.every);
    case Cadence::Kind::month_day: return fmt::format("{} on day {}", months, c.nth);
    case Cadence::Kind::month_weekday:
      return fmt::format("{} on the {} {}", months, kNth[std::clamp(c.nth, 1, 5)], kDay[std::clamp(c.weekday, 1, 7)]);
  }
  return "";
}

std::vector<ActionRef> carried_actions(const KnowledgeBase& kb, const Series& s, const Date& date) {
  kb.require_actions("carried_actions");
  std::vector<ActionRef> out;
  for (NodeId id : s.meetings) {
    const Record& m = kb.at(id);
    if (!(*m.date < date)) continue;
    for (std::size_t i = 0; i < m.actions->size(); ++i)
      if ((*m.actions)[i].is_open()) out.push_back({id, i});
  }
  return out;
}

NodeId previous_meeting(const KnowledgeBase& kb, const Series& s, const Date& date) {
  NodeId out;
  for (NodeId id : s.meetings)
    if (*kb.at(id).date < date) out = id;
  return out;
}

std::string next_title(const std::string& previous, const Date& prev_date, const Date& date) {
  std::string out = previous;
  const std::string from = to_string(prev_date);
  if (auto at = out.find(from); at != std::string::npos) out.replace(at, from.size(), to_string(date));
  return out;
}

std::vector<SeriesEntry> series_history(const KnowledgeBase& kb, const Series& s, const Date& today) {
  kb.require_actions("series_history");
  std::vector<SeriesEntry> out;
  for (auto it = s.meetings.rbegin(); it != s.meetings.rend(); ++it) {
    const Record& m = kb.at(*it);
    SeriesEntry e{*it, 0, m.actions->size(), today < *m.date};
    for (const auto& a : *m.actions) e.open_actions += a.is_open() ? 1 : 0;
    out.push_back(e);
  }
  return out;
}

}  // namespace kb
