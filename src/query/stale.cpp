#include "kb/query/stale.h"

#include <algorithm>
#include <set>

#include "kb/base/text.h"
#include "kb/model/names.h"
#include "kb/query/home_side.h"
#include "kb/query/profile.h"

namespace kb {

std::vector<NodeId> home_orgs(const KnowledgeBase& kb) {
  if (trim(kb.config.home).empty()) return {};
  auto ids = kb.find_by_name(kb.config.home, RecordType::organization);
  if (ids.size() != 1) return {};
  return kb.subtree(ids.front());
}

std::vector<StaleEntry> find_stale(const KnowledgeBase& kb, const StaleFilter& f) {
  const HomeSide home(kb);
  std::set<NodeId> scope;
  if (f.org)
    for (NodeId o : kb.subtree(*f.org)) scope.insert(o);
  auto in_scope = [&](const Record& r) {
    if (!f.org) return true;
    if (r.type == RecordType::organization) return scope.count(r.id) > 0;
    return std::any_of(r.entity->affiliations.begin(), r.entity->affiliations.end(),
                       [&](const Affiliation& a) { return scope.count(a.org.target) > 0; });
  };
  std::vector<StaleEntry> out;
  for (const auto& r : kb.records()) {
    if (r.type != RecordType::person && r.type != RecordType::organization) continue;
    if (home.has(r.id) || !in_scope(r)) continue;
    std::optional<Date> last;
    std::size_t count = 0;
    bool planned = false;
    for (NodeId m : meetings_for(kb, r.id)) {
      const auto& d = kb.at(m).date;
      if (!d) continue;
      if (f.today < *d) {
        planned = true;
        continue;
      }
      ++count;
      if (!last || *last < *d) last = d;
    }
    if (planned || !last) continue;
    long days = days_from_civil(f.today) - days_from_civil(*last);
    if (days < f.days) continue;
    out.push_back({r.id, *last, days, count});
  }
  std::sort(out.begin(), out.end(), [&](const StaleEntry& a, const StaleEntry& b) {
    if (a.last_met != b.last_met) return b.last_met < a.last_met;
    std::string na = fold(kb.at(a.id).name), nb = fold(kb.at(b.id).name);
    if (na != nb) return na < nb;
    return a.id < b.id;
  });
  return out;
}

}  // namespace kb
