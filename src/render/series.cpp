// `kb show SERIES`: see series.h.
#include "kb/render/series.h"

#include <fmt/format.h>

#include "json_values.h"
#include "text_writer.h"

namespace kb {
namespace {

using nlohmann::json;

// The next meeting: the first planned one, else the date the rhythm gives after the last.
std::string next_text(const KnowledgeBase& kb, const SeriesView& v) {
  for (auto it = v.history.rbegin(); it != v.history.rend(); ++it) {
    if (!it->planned) continue;
    const Record& m = kb.at(it->meeting);
    return fmt::format("{} (planned: {})", to_string(*m.date), m.rid);
  }
  if (v.history.empty()) return "";
  auto next = next_in_cadence(v.cadence, *kb.at(v.history.front().meeting).date);
  if (!next) return "";
  return fmt::format("{} by its rhythm (kb add meeting --next-in '{}')", to_string(*next), v.series.name);
}

void render_json(std::ostream& out, const KnowledgeBase& kb, const SeriesView& v) {
  json j;
  j["type"] = "series";
  j["name"] = v.series.name;
  j["cadence"] = v.cadence.kind == Cadence::Kind::none ? json(nullptr) : json(describe(v.cadence));
  std::optional<Date> next;
  if (!v.history.empty()) next = next_in_cadence(v.cadence, *kb.at(v.history.front().meeting).date);
  j["next_by_cadence"] = next ? json(to_string(*next)) : json(nullptr);
  auto ms = json::array();
  for (const auto& e : v.history) {
    json m = json_values::meeting_ref(kb, e.meeting);
    m["time"] = kb.at(e.meeting).time.empty() ? json(nullptr) : json(kb.at(e.meeting).time.str());
    m["actions"] = e.actions;
    m["open_actions"] = e.open_actions;
    m["planned"] = e.planned;
    ms.push_back(std::move(m));
  }
  j["meetings"] = ms;
  auto acts = json::array();
  for (const auto& a : v.open_actions) acts.push_back(json_values::action(kb, a));
  j["open_actions"] = acts;
  out << j.dump(2, ' ', false, json::error_handler_t::replace) << '\n';
}

// One series as `kb list series` gives it.
struct SeriesRow {
  std::string first, last, planned, by_cadence, rhythm;
};

SeriesRow series_row(const KnowledgeBase& kb, const Series& s, const Date& today) {
  SeriesRow row;
  const Cadence c = find_cadence(kb, s);
  row.first = to_string(*kb.at(s.meetings.front()).date);
  row.last = to_string(*kb.at(s.meetings.back()).date);
  for (NodeId id : s.meetings)
    if (today < *kb.at(id).date) {
      row.planned = to_string(*kb.at(id).date);
      break;
    }
  if (auto next = next_in_cadence(c, *kb.at(s.meetings.back()).date)) row.by_cadence = to_string(*next);
  row.rhythm = describe(c);
  return row;
}

void render_series_list_json(std::ostream& out, const KnowledgeBase& kb, const std::vector<Series>& all,
                             const RenderOptions& o) {
  json arr = json::array();
  for (const auto& s : all) {
    const SeriesRow row = series_row(kb, s, o.today);
    auto or_null = [](const std::string& v) { return v.empty() ? json(nullptr) : json(v); };
    arr.push_back({{"type", "series"}, {"name", s.name}, {"meetings", s.meetings.size()}, {"first", row.first},
                   {"last", row.last}, {"next", or_null(row.planned)}, {"next_by_cadence", or_null(row.by_cadence)},
                   {"cadence", or_null(row.rhythm)}});
  }
  if (o.format == OutputFormat::jsonl)
    for (const auto& j : arr) out << j.dump(-1, ' ', false, json::error_handler_t::replace) << '\n';
  else
    out << arr.dump(2, ' ', false, json::error_handler_t::replace) << '\n';
}

}  // namespace

void render_series_list(std::ostream& out, const KnowledgeBase& kb, const std::vector<Series>& all,
                        const RenderOptions& o) {
  if (is_json(o.format)) return render_series_list_json(out, kb, all, o);
  Table t;
  t.headers = {"SERIES", "MEETINGS", "FIRST", "LAST", "NEXT", "RHYTHM"};
  t.flexible = {0, 5};
  for (const auto& s : all) {
    const SeriesRow row = series_row(kb, s, o.today);
    const std::string next = !row.planned.empty()     ? row.planned
                             : row.by_cadence.empty() ? std::string()
                                                      : fmt::format("{} (by rhythm)", row.by_cadence);
    t.rows.push_back({s.name, std::to_string(s.meetings.size()), row.first, row.last, next, row.rhythm});
  }
  switch (o.format) {
    case OutputFormat::ids:
      for (const auto& s : all) out << terminal_safe(s.name) << '\n';
      break;
    case OutputFormat::csv: render_csv(out, t, o.bom); break;
    case OutputFormat::md: render_markdown_table(out, t); break;
    default:
      if (!t.rows.empty()) render_text_table(out, t, {o.color, o.width});
      break;
  }
}

SeriesView build_series_view(const KnowledgeBase& kb, const Series& s, const Date& today) {
  SeriesView v{s, series_history(kb, s, today), find_cadence(kb, s), {}};
  if (!s.meetings.empty()) v.open_actions = carried_actions(kb, s, add_days(*kb.at(s.meetings.back()).date, 1));
  return v;
}

void render_series(std::ostream& out, const KnowledgeBase& kb, const SeriesView& v, const RenderOptions& o) {
  if (is_json(o.format)) return render_json(out, kb, v);
  if (o.format == OutputFormat::ids) {
    for (const auto& e : v.history) out << kb.at(e.meeting).rid << '\n';
    return;
  }
  TextWriter w(out, o.format == OutputFormat::md, o.color);
  const std::size_t n = v.history.size();
  w.title(v.series.name, fmt::format("series · {} {}", n, n == 1 ? "meeting" : "meetings"));
  w.field("Rhythm", describe(v.cadence));
  w.field("Next", next_text(kb, v));
  w.section(fmt::format("Meetings ({})", n));
  for (const auto& e : v.history) {
    const Record& m = kb.at(e.meeting);
    std::string open = e.planned ? "planned" : fmt::format("{} open", e.open_actions);
    w.item(fmt::format("{}  {}  {}  {}", to_string(*m.date), m.name, open, m.rid));
  }
  w.section(fmt::format("Open actions ({})", v.open_actions.size()));
  if (v.open_actions.empty()) w.item("none");
  for (const auto& a : v.open_actions) w.item(action_text(kb, a));
}

}  // namespace kb
