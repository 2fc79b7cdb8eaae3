#include "kb/query/related.h"

#include <algorithm>
#include <map>
#include <set>

#include "kb/base/text.h"
#include "kb/query/home_side.h"
#include "kb/query/meetings.h"
#include "kb/query/profile.h"

namespace kb {
namespace {

std::vector<RelatedTie> ranked(const KnowledgeBase& kb, std::map<NodeId, std::vector<NodeId>>& ties,
                               std::size_t limit) {
  std::vector<RelatedTie> out;
  for (auto& [id, meetings] : ties) {
    sort_meetings(kb, meetings, true);
    out.push_back({id, meetings.size(), meetings});
  }
  std::sort(out.begin(), out.end(), [&](const RelatedTie& a, const RelatedTie& b) {
    if (a.strength != b.strength) return a.strength > b.strength;
    const auto& da = kb.at(a.meetings.front()).date;
    const auto& db = kb.at(b.meetings.front()).date;
    if (da != db) return db < da;
    std::string na = fold(kb.at(a.id).name), nb = fold(kb.at(b.id).name);
    if (na != nb) return na < nb;
    return a.id < b.id;
  });
  if (limit > 0 && out.size() > limit) out.resize(limit);
  return out;
}

}  // namespace

Related find_related(const KnowledgeBase& kb, NodeId subject, std::size_t limit, bool with_home) {
  Related r;
  r.subject = subject;
  std::set<NodeId> self{subject};
  if (kb.at(subject).type == RecordType::organization)
    for (NodeId o : kb.subtree(subject)) self.insert(o);
  std::map<NodeId, std::vector<NodeId>> people, orgs, topics;
  const HomeSide home(kb);
  for (NodeId mid : meetings_for(kb, subject)) {
    const Record& m = kb.at(mid);
    if (m.type != RecordType::meeting) continue;
    // Each meeting counts once per tie, however often a name is repeated in it.
    std::set<NodeId> seen;
    auto tie = [&](std::map<NodeId, std::vector<NodeId>>& into, NodeId id) {
      if (!id.valid() || self.count(id) || !seen.insert(id).second) return;
      into[id].push_back(mid);
    };
    for (const auto& a : m.attendees)
      if (with_home || !home.has_attendee(m, a)) tie(people, a.person.target);
    for (const auto& o : m.organizations)
      if (with_home || !home.has(o.target)) tie(orgs, o.target);
    for (const auto& a : m.attendees)
      if (with_home || !home.has(a.org)) tie(orgs, a.org);
    for (const auto& t : m.topics) tie(topics, t.target);
  }
  r.people = ranked(kb, people, limit);
  r.organizations = ranked(kb, orgs, limit);
  r.topics = ranked(kb, topics, limit);
  return r;
}

}  // namespace kb
