#include "kb/query/home_side.h"

#include <algorithm>

#include "kb/base/text.h"
#include "kb/query/stale.h"

namespace kb {

HomeSide::HomeSide(const KnowledgeBase& kb) : kb_(kb) {
  for (NodeId o : home_orgs(kb)) orgs_.insert(o);
  if (!trim(kb.config.me).empty()) {
    auto ids = kb.find_by_name(kb.config.me, RecordType::person);
    if (ids.size() == 1) me_ = ids.front();
  }
}

bool HomeSide::has(NodeId id, const std::optional<Date>& on) const {
  if (!id.valid()) return false;
  if (id == me_ || orgs_.count(id)) return true;
  const Record* r = kb_.lookup(id);
  if (!r || r->type != RecordType::person || orgs_.empty()) return false;
  const auto& affs = r->entity->affiliations;
  return std::any_of(affs.begin(), affs.end(), [&](const Affiliation& a) {
    return orgs_.count(a.org.target) && (!on || a.current_on(*on));
  });
}

bool HomeSide::has_attendee(const Record& m, const Attendee& a) const {
  if (a.person.target.valid() && a.person.target == me_) return true;
  if (a.org_given || a.org.valid()) return orgs_.count(a.org) > 0;
  return has(a.person.target, m.date);
}

}  // namespace kb
