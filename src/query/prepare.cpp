#include "kb/query/prepare.h"

#include <algorithm>

#include "kb/query/profile.h"

namespace kb {

/// What one subject brings to any preparation: its dated meetings, by date and id (as
/// meetings_for() lists them), and the open actions (indexes into Preparer::open_) of those
/// meetings and, for a person, of their own, in no order. An action may be listed twice (a
/// person's own, from a meeting they attended).
struct Preparer::Subject {
  std::vector<NodeId> meetings;
  std::vector<std::uint32_t> open;
};

Preparer::Preparer(const KnowledgeBase& kb) : kb_(kb), home_(kb) {
  kb.require_actions("prepare_meeting");
  first_open_.assign(kb.records().size() + 1, 0);
  for (const Record& m : kb.records()) {
    first_open_[m.id.value] = static_cast<std::uint32_t>(open_.size());
    if (m.type != RecordType::meeting || !m.defined || !m.date) continue;
    const auto& actions = *m.actions;
    for (std::size_t k = 0; k < actions.size(); ++k) {
      if (!actions[k].is_open()) continue;
      if (actions[k].owner.valid()) owned_[actions[k].owner.value].push_back(static_cast<std::uint32_t>(open_.size()));
      open_.emplace_back(action_order(kb, {m.id, k}), ActionRef{m.id, k});
    }
  }
  first_open_.back() = static_cast<std::uint32_t>(open_.size());
  taken_.assign(open_.size(), 0);
}

Preparer::~Preparer() = default;

Preparation prepare_meeting(const KnowledgeBase& kb, const std::vector<NodeId>& subjects, const Date& date) {
  return Preparer(kb).prepare(subjects, date);
}

const Preparer::Subject& Preparer::subject(NodeId id) const {
  std::unique_ptr<Subject>& slot = subjects_[id.value];
  if (slot) return *slot;
  slot = std::make_unique<Subject>();
  Subject& s = *slot;
  s.meetings = meetings_for(kb_, id);
  // Undated meetings come first: they are no one's last meeting, and have no open_ entries.
  s.meetings.erase(s.meetings.begin(), std::partition_point(s.meetings.begin(), s.meetings.end(),
                                                            [&](NodeId m) { return !kb_.at(m).date; }));
  for (NodeId m : s.meetings)
    for (std::uint32_t i = first_open_[m.value]; i < first_open_[m.value + 1]; ++i) s.open.push_back(i);
  if (auto owned = owned_.find(id.value); kb_.at(id).type == RecordType::person && owned != owned_.end())
    s.open.insert(s.open.end(), owned->second.begin(), owned->second.end());
  return s;
}

// The subject's latest meeting on or before `date`: of meetings at the same date and time, the
// first by id. Invalid when there is none.
NodeId Preparer::last_meeting(const Subject& s, const Date& date) const {
  auto date_of = [&](NodeId m) -> const Date& { return *kb_.at(m).date; };
  auto end = std::upper_bound(s.meetings.begin(), s.meetings.end(), date,
                              [&](const Date& d, NodeId m) { return d < date_of(m); });
  if (end == s.meetings.begin()) return {};
  const Date& day = date_of(*std::prev(end));
  auto begin = std::lower_bound(s.meetings.begin(), end, day,
                                [&](NodeId m, const Date& d) { return date_of(m) < d; });
  NodeId last = *begin;  // the latest time of that day, the first by id of equals
  for (auto it = begin; it != end; ++it)
    if (kb_.at(last).time < kb_.at(*it).time) last = *it;
  return last;
}

Preparation Preparer::prepare(const std::vector<NodeId>& subjects, const Date& date, std::size_t limit) const {
  Preparation p;
  ++serial_;
  const std::int32_t day = date.sort_key();
  std::vector<std::uint32_t> open;
  std::vector<NodeId> done_subjects;
  for (NodeId s : subjects) {
    const Record* r = kb_.lookup(s);
    if (!r || !r->defined || home_.has(s, date)) continue;
    if (std::find(done_subjects.begin(), done_subjects.end(), s) != done_subjects.end()) continue;
    done_subjects.push_back(s);
    const Subject& sub = subject(s);
    for (std::uint32_t i : sub.open) {
      if (day < open_[i].first.date || taken_[i] == serial_) continue;
      taken_[i] = serial_;
      open.push_back(i);
    }
    const NodeId last = last_meeting(sub, date);
    if (!last.valid()) continue;
    auto it = std::find_if(p.last_meetings.begin(), p.last_meetings.end(),
                           [&](const LastMeeting& l) { return l.meeting == last; });
    if (it == p.last_meetings.end()) p.last_meetings.push_back({last, {s}});
    else it->subjects.push_back(s);
  }
  p.open_total = open.size();
  // Only the first `limit` are put in order.
  const auto shown = open.begin() + static_cast<std::ptrdiff_t>(std::min(limit, open.size()));
  std::partial_sort(open.begin(), shown, open.end(),
                    [&](std::uint32_t a, std::uint32_t b) { return open_[a].first < open_[b].first; });
  for (auto it = open.begin(); it != shown; ++it) p.open_actions.push_back(open_[*it].second);
  std::stable_sort(p.last_meetings.begin(), p.last_meetings.end(), [&](const LastMeeting& a, const LastMeeting& b) {
    const Record& ma = kb_.at(a.meeting);
    const Record& mb = kb_.at(b.meeting);
    if (*ma.date != *mb.date) return *mb.date < *ma.date;
    return mb.time < ma.time;
  });
  return p;
}

}  // namespace kb
