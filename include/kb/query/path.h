#pragma once
// `kb path A B`: the shortest chain of meetings and people linking two people or
// organizations. Breadth-first search over an unweighted graph whose nodes are people,
// meetings and the two end points; ties between equally short chains are broken by a fixed
// order of neighbours, so the answer never depends on load order.

#include <optional>
#include <string>
#include <vector>

#include "kb/model/graph.h"

namespace kb {

/// How one step of a chain is linked to the previous one.
enum class PathLink {
  start,        ///< the first node
  attended,     ///< person -> meeting, or meeting -> person
  took_part,    ///< organization -> meeting, or meeting -> organization (listed, or an
                ///< attendee belonged to it on the date)
  member_of,    ///< person -> organization, or organization -> person (an affiliation)
};

/// "", "attended", "took part in", "member of" (the word used between two steps).
std::string to_string(PathLink l);

struct PathStep {
  NodeId id;
  PathLink link = PathLink::start;
};

/// The shortest chain from `from` to `to` (both included), or std::nullopt when none exists.
/// Only people and meetings are passed through; organizations appear only as end points.
/// Edges: a person and a meeting they attended; an organization and a meeting it took part
/// in (listed, or one of the attendees belonged to it on the date); a person and an
/// organization they are affiliated with. Among equally short chains the one chosen is the
/// first in this order of neighbours at each step from `from`: meetings newest first (then
/// by id), then people and organizations by name (case and diacritics ignored, then id).
/// Unless `via_home`, the home side (kb.yaml `home` and its people, `me`: HomeSide) is not
/// passed through either: they meet everyone, so every chain would go through them.
/// REQUIRES: `from` and `to` are people or organizations.
std::optional<std::vector<PathStep>> find_path(const KnowledgeBase& kb, NodeId from, NodeId to,
                                               bool via_home = false);

}  // namespace kb
