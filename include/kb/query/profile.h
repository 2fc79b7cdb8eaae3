#pragma once
// Profile: what `kb show` and the dossier say about one record: its meetings (newest first),
// the people met with it most, its topics and organizations, its open actions.

#include <cstddef>
#include <optional>
#include <vector>

#include "kb/model/graph.h"
#include "kb/query/actions.h"

namespace kb {

struct Tie {
  NodeId id;
  std::size_t count = 0;  ///< meetings shared
};

struct Profile {
  NodeId id;
  std::vector<NodeId> meetings;        ///< newest first
  std::vector<Tie> people;             ///< co-attendees (or attendees), most frequent first; the home side left out
  std::vector<Tie> organizations;      ///< organizations met with it, the home side left out
  std::vector<Tie> topics;
  std::vector<ActionRef> open_actions; ///< owned by a person, or in its meetings otherwise
  std::optional<Date> last_met;  ///< the newest meeting on or before today
  NodeId next;                   ///< the first meeting after today (a planned one), or invalid
};

/// Where `today` falls among some meetings: the date of the newest on or before it (when it
/// was last met) and the first after it (a planned one).
struct LastAndNext {
  std::optional<Date> last_met;
  NodeId last;  ///< the meeting last met at (the latest on the newest date), or invalid
  NodeId next;  ///< the first meeting after `today`, or invalid
};
LastAndNext last_and_next(const KnowledgeBase& kb, const std::vector<NodeId>& meetings, const Date& today);

/// Builds the profile of any record as of `today` (what was met, what is planned). For an
/// organization, meetings roll up its sub-organizations and affiliated attendees.
Profile build_profile(const KnowledgeBase& kb, NodeId id, const Date& today);

/// The meetings of any node (organizations with roll-up), oldest first.
std::vector<NodeId> meetings_for(const KnowledgeBase& kb, NodeId id);

}  // namespace kb
