#include "kb/render/agenda.h"

#include <fmt/format.h>

#include "json_values.h"
#include "text_writer.h"

namespace kb {
namespace {

using nlohmann::json;

std::string day_heading(const Agenda& a) {
  std::string s = long_date(a.options.today);
  if (a.last_day == add_days(a.options.today, 1)) return fmt::format("{} and tomorrow", s);
  if (a.last_day != a.options.today) return fmt::format("{} to {}", s, long_date(a.last_day));
  return s;
}

// Each list of the day shows at most this many entries, so the day fits a screen; JSON has all.
constexpr std::size_t kListed = 10;

std::string meeting_line(const Record& m) {
  if (m.time.empty()) return fmt::format("{}  {}  {}", to_string(*m.date), m.name, m.rid);
  return fmt::format("{} {}  {}  {}", to_string(*m.date), m.time.view(), m.name, m.rid);
}

void write_meeting(TextWriter& w, const KnowledgeBase& kb, const AgendaMeeting& am) {
  w.item(meeting_line(kb.at(am.meeting)));
  for (const LastMeeting& l : am.prep.last_meetings) {
    const Record& m = kb.at(l.meeting);
    w.item(fmt::format("    last met {}: {}", to_string(*m.date), m.name));
  }
  const auto& open = am.prep.open_actions;
  const std::size_t shown = std::min(open.size(), kPrepActionsShown);
  for (std::size_t i = 0; i < shown; ++i) w.item(fmt::format("    open: {}", action_text(kb, open[i])));
  if (am.prep.open_total > shown)
    w.item(fmt::format("    and {} more open (kb add meeting lists them all)", am.prep.open_total - shown));
}

// "and 12 more (kb actions --overdue)" under a list cut at kListed.
void write_more(TextWriter& w, std::size_t total, const std::string& where) {
  if (total > kListed) w.item(fmt::format("and {} more ({})", total - kListed, where));
}

void write_actions(TextWriter& w, const KnowledgeBase& kb, const std::string& title, const std::vector<ActionRef>& list,
                   Date today, const std::string& where) {
  if (list.empty()) return;
  w.section(fmt::format("{} ({})", title, list.size()));
  for (std::size_t i = 0; i < list.size() && i < kListed; ++i) {
    const Action& a = action_at(kb, list[i]);
    if (!a.due) w.item(action_text(kb, list[i]));
    else w.dated_item(to_string(*a.due), a.is_open() && *a.due < today ? Paint::red : Paint::none, action_text(kb, list[i]));
  }
  write_more(w, list.size(), where);
}

void write_text(std::ostream& out, const KnowledgeBase& kb, const Agenda& a, const RenderOptions& o) {
  TextWriter w(out, o.format == OutputFormat::md, o.color);
  w.title("Today", day_heading(a));
  w.section(fmt::format("Meetings ({})", a.meetings.size()));
  if (a.meetings.empty()) w.item("none");
  for (std::size_t i = 0; i < a.meetings.size() && i < kListed; ++i) write_meeting(w, kb, a.meetings[i]);
  write_more(w, a.meetings.size(),
             fmt::format("kb query --since {} --until {}", to_string(a.options.today), to_string(a.last_day)));
  const std::string mine = a.options.owners.empty() ? "Overdue actions" : "My overdue actions";
  const std::string owner =
      a.options.owners.empty() ? "" : fmt::format(" --owner \"{}\"", kb.at(a.options.owners.front()).name);
  write_actions(w, kb, mine, a.overdue, a.options.today, fmt::format("kb actions --overdue{}", owner));
  write_actions(w, kb, fmt::format("Due by {}", long_date(a.week_end)), a.due_soon, a.options.today,
                fmt::format("kb actions --due-before {}{}", to_string(add_days(a.week_end, 1)), owner));
  if (a.owed.empty()) return;
  w.section(fmt::format("Waiting on me ({})", a.owed.size()));
  for (std::size_t i = 0; i < a.owed.size() && i < kListed; ++i) {
    const OwedReply& r = a.owed[i];
    w.item(fmt::format("{}  {} {} since {}", kb.at(r.person).name, r.actions.size(),
                       r.actions.size() == 1 ? "action" : "actions", to_string(r.since)));
  }
  write_more(w, a.owed.size(), "--format json lists them all");
}

json actions_json(const KnowledgeBase& kb, const std::vector<ActionRef>& list) {
  json arr = json::array();
  for (const ActionRef& ref : list) arr.push_back(json_values::action(kb, ref));
  return arr;
}

json agenda_json(const KnowledgeBase& kb, const Agenda& a) {
  json meetings = json::array();
  for (const AgendaMeeting& am : a.meetings) {
    json last = json::array();
    for (const LastMeeting& l : am.prep.last_meetings) last.push_back(json_values::meeting_ref(kb, l.meeting));
    meetings.push_back({{"meeting", json_values::meeting(kb, am.meeting)},
                        {"counterpart_open_actions", actions_json(kb, am.prep.open_actions)},
                        {"last_meetings", last}});
  }
  json owed = json::array();
  for (const OwedReply& r : a.owed)
    owed.push_back({{"person", kb.at(r.person).name}, {"id", kb.at(r.person).defined ? json(kb.at(r.person).rid) : json(nullptr)},
                    {"since", to_string(r.since)}, {"actions", actions_json(kb, r.actions)}});
  return {{"today", to_string(a.options.today)}, {"last_day", to_string(a.last_day)},
          {"week_end", to_string(a.week_end)}, {"meetings", meetings},
          {"overdue", actions_json(kb, a.overdue)}, {"due_this_week", actions_json(kb, a.due_soon)},
          {"waiting_on_me", owed}};
}

}  // namespace

void render_agenda(std::ostream& out, const KnowledgeBase& kb, const Agenda& a, const RenderOptions& o) {
  if (o.format == OutputFormat::json) {
    out << agenda_json(kb, a).dump(2) << "\n";
    return;
  }
  write_text(out, kb, a, o);
}

}  // namespace kb
