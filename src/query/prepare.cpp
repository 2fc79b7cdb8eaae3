#include "kb/query/prepare.h"

#include <algorithm>

#include "kb/query/profile.h"

namespace kb {

/// What one subject brings to any preparation: its dated meetings, oldest first (by date and
/// time), and the open actions of those meetings and, for a person, the open actions they own,
/// each once and in the order of Preparation::open_actions.
struct Preparer::Subject {
  std::vector<NodeId> meetings;
  std::vector<ActionRef> open;
};

Preparer::Preparer(const KnowledgeBase& kb) : kb_(kb), home_(kb) {
  kb.require_outcomes("prepare_meeting");
  first_slot_.assign(kb.records().size(), 0);
  std::uint32_t slots = 0;
  for (const Record& m : kb.records()) {
    if (m.type != RecordType::meeting || !m.defined) continue;
    first_slot_[m.id.value] = slots;
    slots += static_cast<std::uint32_t>(m.outcomes->actions.size());
    for (std::size_t k = 0; k < m.outcomes->actions.size(); ++k) {
      const Action& a = m.outcomes->actions[k];
      if (a.owner.valid() && a.is_open()) owned_[a.owner.value].push_back({m.id, k});
    }
  }
  taken_.assign(slots, 0);
}

Preparer::~Preparer() = default;

Preparation prepare_meeting(const KnowledgeBase& kb, const std::vector<NodeId>& subjects, const Date& date) {
  return Preparer(kb).prepare(subjects, date);
}

// The order of Preparation::open_actions: by due date (undated last), then meeting date, id
// and line.
bool Preparer::before(const ActionRef& a, const ActionRef& b) const {
  const Action& x = action_at(kb_, a);
  const Action& y = action_at(kb_, b);
  if (x.due.has_value() != y.due.has_value()) return x.due.has_value();
  if (x.due && *x.due != *y.due) return *x.due < *y.due;
  const Record& ma = kb_.at(a.meeting);
  const Record& mb = kb_.at(b.meeting);
  if (*ma.date != *mb.date) return *ma.date < *mb.date;
  if (ma.rid != mb.rid) return ma.rid < mb.rid;
  return x.loc.line < y.loc.line;
}

const Preparer::Subject& Preparer::subject(NodeId id) const {
  std::unique_ptr<Subject>& slot = subjects_[id.value];
  if (slot) return *slot;
  slot = std::make_unique<Subject>();
  Subject& s = *slot;
  for (NodeId mid : meetings_for(kb_, id)) {
    const Record& m = kb_.at(mid);
    if (!m.defined || !m.date) continue;
    s.meetings.push_back(mid);
    for (std::size_t k = 0; k < m.outcomes->actions.size(); ++k)
      if (m.outcomes->actions[k].is_open()) s.open.push_back({mid, k});
  }
  if (auto owned = owned_.find(id.value); kb_.at(id).type == RecordType::person && owned != owned_.end())
    for (const ActionRef& a : owned->second)
      if (kb_.at(a.meeting).date) s.open.push_back(a);
  auto same = [](const ActionRef& a, const ActionRef& b) { return a.meeting == b.meeting && a.index == b.index; };
  std::sort(s.open.begin(), s.open.end(), [&](const ActionRef& a, const ActionRef& b) { return before(a, b); });
  s.open.erase(std::unique(s.open.begin(), s.open.end(), same), s.open.end());
  // Stable: of meetings at the same date and time, the first met stays the first.
  std::stable_sort(s.meetings.begin(), s.meetings.end(), [&](NodeId a, NodeId b) {
    const Record& ma = kb_.at(a);
    const Record& mb = kb_.at(b);
    return *ma.date != *mb.date ? *ma.date < *mb.date : ma.time < mb.time;
  });
  return s;
}

namespace {

// The subject's latest meeting on or before `date` (the first met of equals), or invalid.
NodeId last_meeting(const KnowledgeBase& kb, const std::vector<NodeId>& meetings, const Date& date) {
  auto end = std::upper_bound(meetings.begin(), meetings.end(), date,
                              [&](const Date& d, NodeId m) { return d < *kb.at(m).date; });
  if (end == meetings.begin()) return {};
  auto last = std::prev(end);
  const Record& l = kb.at(*last);
  while (last != meetings.begin()) {
    const Record& p = kb.at(*std::prev(last));
    if (*p.date != *l.date || p.time != l.time) break;
    --last;
  }
  return *last;
}

}  // namespace

Preparation Preparer::prepare(const std::vector<NodeId>& subjects, const Date& date, std::size_t limit) const {
  Preparation p;
  ++serial_;
  // Each subject's open actions are in order, so the first `limit` of all of them are among the
  // first `limit` new ones of each list: only those are kept, and the rest counted.
  std::vector<ActionRef> open;
  std::vector<NodeId> done_subjects;
  for (NodeId s : subjects) {
    const Record* r = kb_.lookup(s);
    if (!r || !r->defined || home_.has(s, date)) continue;
    if (std::find(done_subjects.begin(), done_subjects.end(), s) != done_subjects.end()) continue;
    done_subjects.push_back(s);
    const Subject& sub = subject(s);
    std::size_t kept = 0;
    for (const ActionRef& a : sub.open) {
      if (date < *kb_.at(a.meeting).date) continue;
      std::uint32_t& taken = taken_[first_slot_[a.meeting.value] + a.index];
      if (taken == serial_) continue;
      taken = serial_;
      ++p.open_total;
      if (kept < limit) open.push_back(a), ++kept;
    }
    const NodeId last = last_meeting(kb_, sub.meetings, date);
    if (!last.valid()) continue;
    auto it = std::find_if(p.last_meetings.begin(), p.last_meetings.end(),
                           [&](const LastMeeting& l) { return l.meeting == last; });
    if (it == p.last_meetings.end()) p.last_meetings.push_back({last, {s}});
    else it->subjects.push_back(s);
  }
  std::sort(open.begin(), open.end(), [&](const ActionRef& a, const ActionRef& b) { return before(a, b); });
  if (open.size() > limit) open.resize(limit);
  p.open_actions = std::move(open);
  std::stable_sort(p.last_meetings.begin(), p.last_meetings.end(), [&](const LastMeeting& a, const LastMeeting& b) {
    const Record& ma = kb_.at(a.meeting);
    const Record& mb = kb_.at(b.meeting);
    if (*ma.date != *mb.date) return *mb.date < *ma.date;
    return mb.time < ma.time;
  });
  return p;
}

}  // namespace kb
