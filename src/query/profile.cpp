#include "kb/query/profile.h"

#include <algorithm>
#include <map>
#include <set>

#include "kb/base/text.h"
#include "kb/query/home_side.h"

namespace kb {
namespace {

std::vector<Tie> ranked(const KnowledgeBase& kb, const std::map<NodeId, std::size_t>& counts) {
  std::vector<Tie> out;
  for (const auto& [id, n] : counts) out.push_back({id, n});
  std::sort(out.begin(), out.end(), [&](const Tie& a, const Tie& b) {
    if (a.count != b.count) return a.count > b.count;
    return fold(kb.at(a.id).name) < fold(kb.at(b.id).name);
  });
  return out;
}

}  // namespace

std::vector<NodeId> meetings_for(const KnowledgeBase& kb, NodeId id) {
  const Record& r = kb.at(id);
  if (r.type == RecordType::organization) return kb.meetings_of_org(id, false);
  if (r.type == RecordType::meeting) return {id};
  return kb.meetings_of(id);
}

LastAndNext last_and_next(const KnowledgeBase& kb, const std::vector<NodeId>& meetings, const Date& today) {
  LastAndNext out;
  auto later = [&](NodeId a, NodeId b) {  // a is later than b
    const Record& ra = kb.at(a);
    const Record& rb = kb.at(b);
    return *rb.date < *ra.date || (*ra.date == *rb.date && rb.time < ra.time);
  };
  for (NodeId mid : meetings) {
    const Record& m = kb.at(mid);
    if (!m.date) continue;
    if (*m.date <= today) {
      if (!out.last.valid() || later(mid, out.last)) out.last = mid;
    } else if (!out.next.valid() || later(out.next, mid)) {
      out.next = mid;
    }
  }
  if (out.last.valid()) out.last_met = kb.at(out.last).date;
  return out;
}

Profile build_profile(const KnowledgeBase& kb, NodeId id, const Date& today) {
  Profile p;
  p.id = id;
  const Record& r = kb.at(id);
  std::vector<NodeId> meetings = meetings_for(kb, id);
  std::set<NodeId> own_orgs;
  if (r.type == RecordType::organization)
    for (NodeId o : kb.subtree(id)) own_orgs.insert(o);
  std::map<NodeId, std::size_t> people, orgs, topics;
  const HomeSide home(kb);
  for (NodeId mid : meetings) {
    const Record& m = kb.at(mid);
    std::set<NodeId> seen_people, seen_orgs;
    for (const auto& a : m.attendees)
      if (a.person.target.valid() && a.person.target != id && !home.has_attendee(m, a) &&
          seen_people.insert(a.person.target).second)
        ++people[a.person.target];
    for (const auto& o : m.organizations)
      if (o.target.valid() && o.target != id && !own_orgs.count(o.target) && !home.has(o.target) &&
          seen_orgs.insert(o.target).second)
        ++orgs[o.target];
    for (const auto& t : m.topics)
      if (t.target.valid() && t.target != id) ++topics[t.target];
  }
  const LastAndNext when = last_and_next(kb, meetings, today);
  p.last_met = when.last_met;
  p.next = when.next;
  p.meetings = meetings;
  std::reverse(p.meetings.begin(), p.meetings.end());
  p.people = ranked(kb, people);
  p.organizations = ranked(kb, orgs);
  p.topics = ranked(kb, topics);
  ActionFilter f;
  f.state = ActionState::open;
  if (r.type == RecordType::person) {
    f.owners = {id};
    p.open_actions = find_actions(kb, f);
  } else {
    std::set<NodeId> ms(meetings.begin(), meetings.end());
    for (const auto& a : find_actions(kb, f))
      if (ms.count(a.meeting)) p.open_actions.push_back(a);
  }
  return p;
}

}  // namespace kb
