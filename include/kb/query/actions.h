#pragma once
// Action items and decisions across meetings (and, when asked, the tasks of every other note),
// filtered and sorted (by due date, undated last).

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kb/base/date.h"
#include "kb/model/graph.h"

namespace kb {

/// One action item: the note it is in (a meeting, unless the filter asked for all notes) and
/// its index in the note's Outcomes::actions.
struct ActionRef {
  NodeId meeting;
  std::size_t index = 0;
};

enum class ActionState { open, done, all };

struct ActionFilter {
  ActionState state = ActionState::open;
  std::vector<NodeId> owners;  ///< any of
  std::vector<NodeId> orgs;    ///< meetings of any of these (with roll-up)
  std::optional<Date> due_before;  ///< due strictly before
  bool overdue = false;            ///< open and due before `today`
  Date today;
  /// Open at the end of this day: written by then (its note dated that day or before) and not
  /// closed by then (a done or cancelled item without a date counts as closed before it).
  std::optional<Date> open_on;
  bool all_notes = false;  ///< the tasks of every note, not only of meetings (issue 23)
};

/// Matching actions sorted by due date (undated last), then meeting date (a note of another
/// type has none and comes first), id and place (ActionOrder). `orgs` matches meetings only.
std::vector<ActionRef> find_actions(const KnowledgeBase& kb, const ActionFilter& f);

const Action& action_at(const KnowledgeBase& kb, const ActionRef& ref);

/// Where an action sorts among actions: by due date (undated last), then meeting date (a note
/// without one first), meeting id and place in the meeting. Made once per action to sort many
/// (a comparison then looks nothing up, but for two actions of meetings of the same day).
struct ActionOrder {
  std::int32_t due;
  std::int32_t date;
  const std::string* rid;
  std::size_t index;
  bool operator<(const ActionOrder& o) const;
};
ActionOrder action_order(const KnowledgeBase& kb, const ActionRef& ref);
/// Sorts `refs` in ActionOrder.
void sort_actions(const KnowledgeBase& kb, std::vector<ActionRef>& refs);

struct DecisionRef {
  NodeId meeting;
  std::size_t index = 0;
};

struct DecisionFilter {
  std::vector<NodeId> orgs;
  std::vector<NodeId> topics;
  std::optional<Date> since;
  std::optional<Date> until;
};

/// Decisions in meeting date order.
std::vector<DecisionRef> find_decisions(const KnowledgeBase& kb, const DecisionFilter& f);

}  // namespace kb
