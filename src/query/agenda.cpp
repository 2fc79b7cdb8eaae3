#include "kb/query/agenda.h"

#include <algorithm>
#include <map>

#include "kb/base/text.h"
#include "kb/query/home_side.h"
#include "kb/query/meetings.h"

namespace kb {
namespace {

std::vector<AgendaMeeting> upcoming(const KnowledgeBase& kb, const Date& first, const Date& last,
                                    std::size_t prep_actions) {
  std::vector<NodeId> ids;
  for (const Record& m : kb.records())
    if (m.type == RecordType::meeting && m.defined && m.date && first <= *m.date && *m.date <= last)
      ids.push_back(m.id);
  sort_meetings(kb, ids, false);
  std::vector<AgendaMeeting> out;
  if (ids.empty()) return out;
  const Preparer preparer(kb);
  for (NodeId id : ids) {
    const Record& m = kb.at(id);
    std::vector<NodeId> subjects;
    for (const auto& o : m.organizations) subjects.push_back(o.target);
    for (const auto& a : m.attendees) subjects.push_back(a.person.target);
    // What was known the day before: the meeting itself (and its own actions) is not prep.
    out.push_back({id, preparer.prepare(subjects, add_days(*m.date, -1), prep_actions)});
  }
  return out;
}

// The open actions of the owners; of everyone, only those due by `week_end` (the rest would
// only be sorted to be dropped: without owners no one is waiting on me).
std::vector<ActionRef> open_actions(const KnowledgeBase& kb, const AgendaOptions& o, const Date& week_end) {
  ActionFilter f;
  f.state = ActionState::open;
  f.owners = o.owners;
  f.today = o.today;
  if (o.owners.empty()) f.due_before = add_days(week_end, 1);
  return find_actions(kb, f);
}

// The counterpart attendees (not the owners themselves) of the meetings the owners' open
// actions come from.
std::vector<OwedReply> owed_replies(const KnowledgeBase& kb, const std::vector<ActionRef>& mine,
                                    const std::vector<NodeId>& owners) {
  const HomeSide home(kb);
  std::map<NodeId, OwedReply> by_person;
  for (const ActionRef& ref : mine) {
    const Record& m = kb.at(ref.meeting);
    for (const auto& a : m.attendees) {
      const NodeId p = a.person.target;
      if (!p.valid() || home.has_attendee(m, a) || std::find(owners.begin(), owners.end(), p) != owners.end()) continue;
      OwedReply& r = by_person[a.person.target];
      if (r.actions.empty() || *m.date < r.since) r.since = *m.date;
      r.person = a.person.target;
      if (r.actions.empty() || r.actions.back().meeting != ref.meeting || r.actions.back().index != ref.index)
        r.actions.push_back(ref);
    }
  }
  std::vector<OwedReply> out;
  for (auto& [id, r] : by_person) out.push_back(std::move(r));
  std::sort(out.begin(), out.end(), [&](const OwedReply& a, const OwedReply& b) {
    if (a.actions.size() != b.actions.size()) return a.actions.size() > b.actions.size();
    if (a.since != b.since) return a.since < b.since;
    return fold(kb.at(a.person).name) < fold(kb.at(b.person).name);
  });
  return out;
}

}  // namespace

Agenda build_agenda(const KnowledgeBase& kb, const AgendaOptions& o) {
  kb.require_actions("build_agenda");
  Agenda a;
  a.options = o;
  a.last_day = add_days(o.today, std::max(1L, o.days) - 1);
  a.week_end = add_days(o.today, 7 - iso_weekday(o.today));
  a.meetings = upcoming(kb, o.today, a.last_day, o.prep_actions);
  const std::vector<ActionRef> mine = open_actions(kb, o, a.week_end);
  for (const ActionRef& ref : mine) {
    const Action& act = action_at(kb, ref);
    if (!act.due) continue;
    if (*act.due < o.today) a.overdue.push_back(ref);
    else if (*act.due <= a.week_end) a.due_soon.push_back(ref);
  }
  if (!o.owners.empty()) a.owed = owed_replies(kb, mine, o.owners);
  return a;
}

}  // namespace kb
