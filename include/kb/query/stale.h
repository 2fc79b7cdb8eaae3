#pragma once
// `kb stale`: the "going cold" list, people and organizations last met long ago.

#include <cstddef>
#include <optional>
#include <vector>

#include "kb/base/date.h"
#include "kb/model/graph.h"

namespace kb {

struct StaleFilter {
  Date today;
  long days = 90;             ///< stale when the last meeting is this many days old or more
  std::optional<NodeId> org;  ///< only this organization's subtree and the people affiliated with it
};

struct StaleEntry {
  NodeId id;
  Date last_met;
  long days_since = 0;
  std::size_t meetings = 0;  ///< meetings up to `today`
};

/// People and organizations whose last meeting on or before `today` is `days` days old or
/// more, newest contact first (then by name). Left out: records never met, records with a
/// meeting after `today` (one is planned), and the home side (HomeSide: kb.yaml `home`, its
/// sub-organizations, the people ever affiliated with them, and `me`).
std::vector<StaleEntry> find_stale(const KnowledgeBase& kb, const StaleFilter& f);

/// The KB's home organization (kb.yaml `home`) and its sub-organizations; empty when no
/// `home` is set or it names no organization.
std::vector<NodeId> home_orgs(const KnowledgeBase& kb);

}  // namespace kb
