#include "kb/query/prepare.h"

#include <algorithm>

#include "kb/query/profile.h"

namespace kb {

/// What one subject brings to any preparation, in no order: its dated meetings (with their
/// date and time, first met first) and the open actions of those meetings and, for a person,
/// the open actions they own, each with where it sorts.
struct Preparer::Subject {
  struct Met {
    std::uint32_t date;
    const SharedString* time;
    NodeId meeting;
  };
  std::vector<Met> meetings;
  std::vector<std::pair<OrderKey, ActionRef>> open;
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

namespace {

// A date as one comparable number.
std::uint32_t day_number(const Date& d) {
  return static_cast<std::uint32_t>(d.year) << 9 | static_cast<std::uint32_t>(d.month) << 5 |
         static_cast<std::uint32_t>(d.day);
}

}  // namespace

Preparer::OrderKey Preparer::order_key(const ActionRef& a) const {
  const Record& m = kb_.at(a.meeting);
  const Action& x = m.outcomes->actions[a.index];
  return {x.due ? day_number(*x.due) : UINT32_MAX, day_number(*m.date), &m.rid,
          static_cast<std::uint32_t>(x.loc.line)};
}

bool Preparer::OrderKey::operator<(const OrderKey& o) const {
  if (due != o.due) return due < o.due;
  if (date != o.date) return date < o.date;
  if (*rid != *o.rid) return *rid < *o.rid;
  return line < o.line;
}

const Preparer::Subject& Preparer::subject(NodeId id) const {
  std::unique_ptr<Subject>& slot = subjects_[id.value];
  if (slot) return *slot;
  slot = std::make_unique<Subject>();
  Subject& s = *slot;
  for (NodeId mid : meetings_for(kb_, id)) {
    const Record& m = kb_.at(mid);
    if (!m.defined || !m.date) continue;
    s.meetings.push_back({day_number(*m.date), &m.time, mid});
    const auto& actions = m.outcomes->actions;
    for (std::size_t k = 0; k < actions.size(); ++k)
      if (actions[k].is_open()) s.open.emplace_back(order_key({mid, k}), ActionRef{mid, k});
  }
  // A person's own actions from other meetings (those of their meetings are met again, and
  // prepare() takes each action once).
  if (auto owned = owned_.find(id.value); kb_.at(id).type == RecordType::person && owned != owned_.end())
    for (const ActionRef& a : owned->second)
      if (kb_.at(a.meeting).date) s.open.emplace_back(order_key(a), a);
  return s;
}

namespace {

// The latest of `meetings` on or before `date` (the first met of equals), or invalid.
template <typename Met>
NodeId last_meeting(const std::vector<Met>& meetings, std::uint32_t date) {
  const Met* last = nullptr;
  for (const Met& m : meetings)
    if (m.date <= date && (!last || last->date < m.date || (last->date == m.date && *last->time < *m.time))) last = &m;
  return last ? last->meeting : NodeId{};
}

}  // namespace

Preparation Preparer::prepare(const std::vector<NodeId>& subjects, const Date& date, std::size_t limit) const {
  Preparation p;
  ++serial_;
  const std::uint32_t day = day_number(date);
  std::vector<std::pair<OrderKey, ActionRef>> open;
  std::vector<NodeId> done_subjects;
  for (NodeId s : subjects) {
    const Record* r = kb_.lookup(s);
    if (!r || !r->defined || home_.has(s, date)) continue;
    if (std::find(done_subjects.begin(), done_subjects.end(), s) != done_subjects.end()) continue;
    done_subjects.push_back(s);
    const Subject& sub = subject(s);
    for (const auto& [key, a] : sub.open) {
      if (day < key.date) continue;
      std::uint32_t& taken = taken_[first_slot_[a.meeting.value] + a.index];
      if (taken == serial_) continue;
      taken = serial_;
      open.emplace_back(key, a);
    }
    const NodeId last = last_meeting(sub.meetings, day);
    if (!last.valid()) continue;
    auto it = std::find_if(p.last_meetings.begin(), p.last_meetings.end(),
                           [&](const LastMeeting& l) { return l.meeting == last; });
    if (it == p.last_meetings.end()) p.last_meetings.push_back({last, {s}});
    else it->subjects.push_back(s);
  }
  p.open_total = open.size();
  // Only the first `limit` are put in order.
  auto by_key = [](const auto& x, const auto& y) { return x.first < y.first; };
  const auto shown = open.begin() + static_cast<std::ptrdiff_t>(std::min(limit, open.size()));
  std::partial_sort(open.begin(), shown, open.end(), by_key);
  for (auto it = open.begin(); it != shown; ++it) p.open_actions.push_back(it->second);
  std::stable_sort(p.last_meetings.begin(), p.last_meetings.end(), [&](const LastMeeting& a, const LastMeeting& b) {
    const Record& ma = kb_.at(a.meeting);
    const Record& mb = kb_.at(b.meeting);
    if (*ma.date != *mb.date) return *mb.date < *ma.date;
    return mb.time < ma.time;
  });
  return p;
}

}  // namespace kb
