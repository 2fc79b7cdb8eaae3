#include "kb/query/prepare.h"

#include <algorithm>
#include <set>

#include "kb/query/home_side.h"
#include "kb/query/profile.h"

namespace kb {

Preparer::Preparer(const KnowledgeBase& kb) : kb_(kb) {
  kb.require_outcomes("prepare_meeting");
  for (const Record& m : kb.records()) {
    if (m.type != RecordType::meeting || !m.defined) continue;
    for (std::size_t k = 0; k < m.outcomes->actions.size(); ++k) {
      const Action& a = m.outcomes->actions[k];
      if (a.owner.valid() && a.is_open()) owned_[a.owner.value].push_back({m.id, k});
    }
  }
}

Preparation prepare_meeting(const KnowledgeBase& kb, const std::vector<NodeId>& subjects, const Date& date) {
  return Preparer(kb).prepare(subjects, date);
}

Preparation Preparer::prepare(const std::vector<NodeId>& subjects, const Date& date) const {
  const KnowledgeBase& kb = kb_;
  Preparation p;
  std::set<std::pair<NodeId, std::size_t>> seen;
  auto take_open = [&](NodeId mid, std::size_t k) {
    const Record& m = kb.at(mid);
    if (!m.outcomes->actions[k].is_open()) return;
    if (seen.insert({mid, k}).second) p.open_actions.push_back({mid, k});
  };
  auto on_or_before = [&](const Record& m) { return m.date && *m.date <= date; };

  const HomeSide home(kb);
  std::vector<NodeId> done_subjects;
  for (NodeId s : subjects) {
    const Record* r = kb.lookup(s);
    if (!r || !r->defined || home.has(s, date)) continue;
    if (std::find(done_subjects.begin(), done_subjects.end(), s) != done_subjects.end()) continue;
    done_subjects.push_back(s);
    NodeId last;
    for (NodeId mid : meetings_for(kb, s)) {
      const Record& m = kb.at(mid);
      if (!on_or_before(m)) continue;
      for (std::size_t k = 0; k < m.outcomes->actions.size(); ++k) take_open(mid, k);
      const Record* cur = kb.lookup(last);
      if (!cur || *cur->date < *m.date || (*cur->date == *m.date && cur->time < m.time)) last = mid;
    }
    if (auto owned = owned_.find(s.value); r->type == RecordType::person && owned != owned_.end())
      for (const ActionRef& a : owned->second)
        if (on_or_before(kb.at(a.meeting))) take_open(a.meeting, a.index);
    if (!last.valid()) continue;
    auto it = std::find_if(p.last_meetings.begin(), p.last_meetings.end(),
                           [&](const LastMeeting& l) { return l.meeting == last; });
    if (it == p.last_meetings.end()) p.last_meetings.push_back({last, {s}});
    else it->subjects.push_back(s);
  }

  std::sort(p.open_actions.begin(), p.open_actions.end(), [&](const ActionRef& a, const ActionRef& b) {
    const Action& x = action_at(kb, a);
    const Action& y = action_at(kb, b);
    if (x.due.has_value() != y.due.has_value()) return x.due.has_value();
    if (x.due && *x.due != *y.due) return *x.due < *y.due;
    const Record& ma = kb.at(a.meeting);
    const Record& mb = kb.at(b.meeting);
    if (*ma.date != *mb.date) return *ma.date < *mb.date;
    if (ma.rid != mb.rid) return ma.rid < mb.rid;
    return x.loc.line < y.loc.line;
  });
  std::stable_sort(p.last_meetings.begin(), p.last_meetings.end(), [&](const LastMeeting& a, const LastMeeting& b) {
    const Record& ma = kb.at(a.meeting);
    const Record& mb = kb.at(b.meeting);
    if (*ma.date != *mb.date) return *mb.date < *ma.date;
    return mb.time < ma.time;
  });
  return p;
}

}  // namespace kb
