#pragma once
// `kb related NAME`: the people, organizations and topics most tied to one record. A tie's
// strength is the number of meetings the two share; the meetings behind it are kept.
// Pure functions over a const KnowledgeBase; ranking only, no output.

#include <cstddef>
#include <vector>

#include "kb/model/graph.h"

namespace kb {

struct RelatedTie {
  NodeId id;
  std::size_t strength = 0;     ///< meetings shared with the subject
  std::vector<NodeId> meetings; ///< those meetings, newest first
};

struct Related {
  NodeId subject;
  std::vector<RelatedTie> people;
  std::vector<RelatedTie> organizations;
  std::vector<RelatedTie> topics;
};

/// The records tied to `subject` through its meetings (for an organization: its own, its
/// sub-organizations' and those of people affiliated with it on the date). A meeting ties the
/// subject to its attendees, to its listed organizations and the organizations of its
/// attendees on that date, and to its topics. The subject itself (and, for an organization,
/// its sub-organizations) is left out. Each list is sorted by strength (highest first), then
/// by the most recent shared meeting (newest first), then by name; `limit` > 0 keeps at most
/// that many of each kind. Unless `with_home`, the home side (HomeSide: kb.yaml `home`, its
/// people on each meeting's date, `me`) is left out: it is tied to everything.
Related find_related(const KnowledgeBase& kb, NodeId subject, std::size_t limit = 0, bool with_home = false);

}  // namespace kb
