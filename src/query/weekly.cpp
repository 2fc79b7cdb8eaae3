#include "kb/query/weekly.h"

#include <algorithm>
#include <map>
#include <set>

#include "kb/base/text.h"
#include "kb/query/meetings.h"
#include "kb/query/stale.h"

namespace kb {
namespace {

std::vector<NodeId> meetings_between(const KnowledgeBase& kb, const DateRange& r) {
  std::vector<NodeId> out;
  for (const auto& m : kb.records())
    if (m.type == RecordType::meeting && m.defined && m.date && !(*m.date < r.first) && !(r.last < *m.date))
      out.push_back(m.id);
  sort_meetings(kb, out, false);
  return out;
}

void sort_by_name(const KnowledgeBase& kb, std::vector<NodeId>& ids) {
  std::sort(ids.begin(), ids.end(), [&](NodeId a, NodeId b) {
    std::string fa = fold(kb.at(a).name), fb = fold(kb.at(b).name);
    return fa != fb ? fa < fb : a < b;
  });
}

}  // namespace

WeeklyMeeting group_attendees(const KnowledgeBase& kb, NodeId meeting) {
  const Record& m = kb.at(meeting);
  WeeklyMeeting wm{meeting, {}};
  std::set<NodeId> seen;
  for (const auto& a : m.attendees) {
    if (!a.person.target.valid() || !seen.insert(a.person.target).second) continue;
    auto g = std::find_if(wm.groups.begin(), wm.groups.end(), [&](const OrgGroup& x) { return x.org == a.org; });
    if (g == wm.groups.end()) g = wm.groups.insert(wm.groups.end(), OrgGroup{a.org, {}});
    g->people.push_back({a.person.target, a.role});
  }
  // People whose organization is unknown are listed last.
  std::stable_partition(wm.groups.begin(), wm.groups.end(), [](const OrgGroup& g) { return g.org.valid(); });
  return wm;
}

WeeklyBriefing build_weekly(const KnowledgeBase& kb, const IsoWeek& w) {
  kb.require_actions("build_weekly");
  WeeklyBriefing b;
  b.week = w;
  b.range = week_range(w);
  std::vector<NodeId> home = home_orgs(kb);
  std::set<NodeId> home_set(home.begin(), home.end());

  std::set<NodeId> orgs, people;
  std::map<NodeId, WeeklyTopic> topics;
  for (NodeId mid : meetings_between(kb, b.range)) {
    const Record& m = kb.at(mid);
    WeeklyMeeting wm = group_attendees(kb, mid);
    for (const auto& g : wm.groups)
      for (const auto& p : g.people) {
        people.insert(p.person);
        if (g.org.valid() && !home_set.count(g.org)) orgs.insert(g.org);
      }
    for (const auto& o : m.organizations)
      if (o.target.valid() && !home_set.count(o.target)) orgs.insert(o.target);
    for (const auto& t : m.topics) {
      if (!t.target.valid()) continue;
      WeeklyTopic& wt = topics[t.target];
      wt.topic = t.target;
      if (std::find(wt.meetings.begin(), wt.meetings.end(), mid) == wt.meetings.end()) wt.meetings.push_back(mid);
    }
    for (std::size_t i = 0; i < m.actions->size(); ++i) b.opened.push_back({mid, i});
    b.meetings.push_back(std::move(wm));
  }
  b.organizations.assign(orgs.begin(), orgs.end());
  sort_by_name(kb, b.organizations);
  b.people.assign(people.begin(), people.end());
  sort_by_name(kb, b.people);

  for (auto& [id, wt] : topics) {
    std::vector<NodeId> all, outside;
    for (NodeId mid : wt.meetings)
      for (const auto& o : kb.at(mid).organizations) {
        if (!o.target.valid() || std::find(all.begin(), all.end(), o.target) != all.end()) continue;
        all.push_back(o.target);
        if (!home_set.count(o.target)) outside.push_back(o.target);
      }
    wt.orgs = outside.empty() ? all : outside;
    sort_by_name(kb, wt.orgs);
    b.topics.push_back(wt);
  }
  std::sort(b.topics.begin(), b.topics.end(), [&](const WeeklyTopic& x, const WeeklyTopic& y) {
    if (x.meetings.size() != y.meetings.size()) return x.meetings.size() > y.meetings.size();
    std::string fx = fold(kb.at(x.topic).name), fy = fold(kb.at(y.topic).name);
    return fx != fy ? fx < fy : x.topic < y.topic;
  });

  // Actions to follow, judged at the end of the week's Sunday: due by then (overdue) or in
  // the week after (due soon).
  ActionFilter due;
  due.state = ActionState::all;
  due.open_on = b.range.last;
  due.due_before = add_days(b.range.last, 8);
  for (const auto& ref : find_actions(kb, due))
    (b.range.last < *action_at(kb, ref).due ? b.due_soon : b.overdue).push_back(ref);

  // New contacts: the first meeting ever falls in this week.
  for (NodeId pid : b.people) {
    const Record& p = kb.at(pid);
    const auto& ms = kb.meetings_of(pid);
    auto first = std::find_if(ms.begin(), ms.end(), [&](NodeId m) { return kb.at(m).date.has_value(); });
    if (first == ms.end() || *kb.at(*first).date < b.range.first) continue;
    const Record& m = kb.at(*first);
    if (b.range.last < *m.date) continue;
    NewContact c{pid, {}, {}, *first};
    for (const auto& a : m.attendees)
      if (a.person.target == pid) {
        c.org = a.org;
        c.role = a.role;
        break;
      }
    bool colleague = c.org.valid() ? home_set.count(c.org) > 0
                                   : std::any_of(p.entity->affiliations.begin(), p.entity->affiliations.end(),
                                                 [&](const Affiliation& a) { return home_set.count(a.org.target) > 0; });
    if (colleague) continue;
    b.new_contacts.push_back(c);
  }
  std::sort(b.new_contacts.begin(), b.new_contacts.end(), [&](const NewContact& x, const NewContact& y) {
    const Record& mx = kb.at(x.meeting);
    const Record& my = kb.at(y.meeting);
    if (mx.date != my.date) return mx.date < my.date;
    std::string fx = fold(kb.at(x.person).name), fy = fold(kb.at(y.person).name);
    return fx != fy ? fx < fy : x.person < y.person;
  });

  IsoWeek next = iso_week_of(add_days(b.range.last, 1));
  b.next_week = meetings_between(kb, week_range(next));
  return b;
}

}  // namespace kb
