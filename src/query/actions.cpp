#include "kb/query/actions.h"

#include <algorithm>
#include <climits>
#include <set>

#include "kb/query/meetings.h"

namespace kb {
namespace {

std::set<NodeId> meetings_of_orgs(const KnowledgeBase& kb, const std::vector<NodeId>& orgs) {
  std::set<NodeId> out;
  for (NodeId o : orgs)
    for (NodeId m : kb.meetings_of_org(o, false)) out.insert(m);
  return out;
}

}  // namespace

const Action& action_at(const KnowledgeBase& kb, const ActionRef& ref) {
  kb.require_actions("action_at");
  return (*kb.at(ref.meeting).actions)[ref.index];
}

namespace {

bool open_on(const Record& m, const Action& a, const Date& day) {
  if (!m.date || day < *m.date) return false;
  if (a.done) return a.done_on && day < *a.done_on;
  if (a.cancelled) return a.cancelled_on && day < *a.cancelled_on;
  return true;
}

}  // namespace

std::vector<ActionRef> find_actions(const KnowledgeBase& kb, const ActionFilter& f) {
  kb.require_actions("find_actions");
  std::set<NodeId> org_meetings = meetings_of_orgs(kb, f.orgs);
  std::vector<ActionRef> out;
  for (const auto& m : kb.records()) {
    if (!m.defined || (m.type != RecordType::meeting && !f.all_notes)) continue;
    if (!f.orgs.empty() && !org_meetings.count(m.id)) continue;
    for (std::size_t i = 0; i < m.actions->size(); ++i) {
      const Action& a = (*m.actions)[i];
      if (f.state == ActionState::open && !a.is_open()) continue;
      if (f.state == ActionState::done && !a.done) continue;
      if (!f.owners.empty() && std::find(f.owners.begin(), f.owners.end(), a.owner) == f.owners.end()) continue;
      if (f.due_before && (!a.due || !(*a.due < *f.due_before))) continue;
      if (f.overdue && (!a.is_open() || !a.due || !(*a.due < f.today))) continue;
      if (f.open_on && !open_on(m, a, *f.open_on)) continue;
      out.push_back({m.id, i});
    }
  }
  sort_actions(kb, out);
  return out;
}

ActionOrder action_order(const KnowledgeBase& kb, const ActionRef& ref) {
  const Record& m = kb.at(ref.meeting);
  const Action& a = (*m.actions)[ref.index];
  return {a.due ? a.due->sort_key() : INT32_MAX, m.date ? m.date->sort_key() : -1, &m.rid, ref.index};
}

bool ActionOrder::operator<(const ActionOrder& o) const {
  if (due != o.due) return due < o.due;
  if (date != o.date) return date < o.date;
  if (const int c = rid->compare(*o.rid); c != 0) return c < 0;
  return index < o.index;
}

void sort_actions(const KnowledgeBase& kb, std::vector<ActionRef>& refs) {
  std::vector<std::pair<ActionOrder, ActionRef>> keyed;
  keyed.reserve(refs.size());
  for (const ActionRef& r : refs) keyed.emplace_back(action_order(kb, r), r);
  std::sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (std::size_t i = 0; i < keyed.size(); ++i) refs[i] = keyed[i].second;
}

std::vector<DecisionRef> find_decisions(const KnowledgeBase& kb, const DecisionFilter& f) {
  kb.require_minutes("find_decisions");
  MeetingFilter mf;
  mf.orgs = f.orgs;
  mf.topics = f.topics;
  mf.since = f.since;
  mf.until = f.until;
  std::vector<DecisionRef> out;
  for (const auto& match : find_meetings(kb, mf)) {
    const Record& m = kb.at(match.id);
    for (std::size_t i = 0; i < m.minutes->decisions.size(); ++i) out.push_back({m.id, i});
  }
  return out;
}

}  // namespace kb
