#pragma once
// Series: the recurring meetings that name one `series:` (a monthly call with a partner, a
// steering committee), matched as names are (name_key). Finds a series and its history, the
// rhythm it keeps (to date the next occurrence) and the open actions its next meeting carries.
// Pure functions over a const KnowledgeBase; writing the next note is the CLI's.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kb/base/date.h"
#include "kb/model/graph.h"
#include "kb/query/actions.h"

namespace kb {

struct Series {
  std::string name;              ///< as the newest meeting of the series writes it
  std::vector<NodeId> meetings;  ///< oldest first (date, time, id)
};

/// Whether `series` (a meeting's `series:`) names the series `name` (both through name_key:
/// `IESALC monthly call`, `iesalc-monthly-call` and `[[IESALC Monthly Call]]` are one).
bool same_series(std::string_view series, std::string_view name);

/// Every series of the KB, sorted by name (folded).
std::vector<Series> find_all_series(const KnowledgeBase& kb);

/// The series `name` names, or std::nullopt when no dated meeting has it.
std::optional<Series> find_series(const KnowledgeBase& kb, std::string_view name);

/// Up to three series names close to `name` (edit distance, or containing it), closest first.
std::vector<std::string> suggest_series(const KnowledgeBase& kb, std::string_view name);

/// The rhythm of a series, read from its last meetings (up to four): every N days when their
/// gaps are equal (weekly, fortnightly), every N months on one day of the month, or every N
/// months on the n-th weekday (the first Monday). `none` when irregular or under two meetings.
struct Cadence {
  enum class Kind { none, days, month_day, month_weekday } kind = Kind::none;
  int every = 0;    ///< days, or months
  int nth = 0;      ///< month_weekday: 1 to 5 (which `weekday` of the month); month_day: the day
  int weekday = 0;  ///< month_weekday: 1 Monday ... 7 Sunday
};
Cadence find_cadence(const KnowledgeBase& kb, const Series& s);

/// The date after `last` that `c` gives; std::nullopt for Kind::none (or a day the month lacks:
/// a 31st is the month's last day, a fifth Monday that is not there gives std::nullopt).
std::optional<Date> next_in_cadence(const Cadence& c, const Date& last);

/// "every 7 days", "monthly on day 2", "every 2 months on the first Monday"; "" for none.
std::string describe(const Cadence& c);

/// The open actions of the series' meetings dated before `date`, oldest meeting first and in
/// line order: what the next occurrence carries (as links; they stay where they were written).
std::vector<ActionRef> carried_actions(const KnowledgeBase& kb, const Series& s, const Date& date);

/// The newest meeting of the series dated before `date`, or an invalid id.
NodeId previous_meeting(const KnowledgeBase& kb, const Series& s, const Date& date);

/// The title of the next occurrence: `previous` with its date (written YYYY-MM-DD, as
/// `prev_date`) replaced by `date`; else `previous` as it is.
std::string next_title(const std::string& previous, const Date& prev_date, const Date& date);

/// One meeting of a series' history.
struct SeriesEntry {
  NodeId meeting;
  std::size_t open_actions = 0;  ///< its own open actions (not those it carries)
  std::size_t actions = 0;
  bool planned = false;          ///< dated after today
};

/// The history of `s` as of `today`: newest first.
std::vector<SeriesEntry> series_history(const KnowledgeBase& kb, const Series& s, const Date& today);

}  // namespace kb
