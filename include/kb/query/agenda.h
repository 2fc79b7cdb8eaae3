#pragma once
// `kb today` (alias `kb agenda`): one screen for the start of a day. The meetings of the next
// days with what to prepare, my overdue actions, what is due by the end of the week, and the
// people waiting on me. Pure functions over a const KnowledgeBase.

#include <cstddef>
#include <vector>

#include "kb/base/date.h"
#include "kb/model/graph.h"
#include "kb/query/actions.h"
#include "kb/query/prepare.h"

namespace kb {

struct AgendaOptions {
  Date today;
  long days = 2;               ///< meetings from today through today + days - 1
  std::vector<NodeId> owners;  ///< whose actions (empty: everyone's)
  /// The most open actions kept in each meeting's prep (Preparation::open_total counts all).
  std::size_t prep_actions = static_cast<std::size_t>(-1);
};

struct AgendaMeeting {
  NodeId meeting;
  Preparation prep;  ///< the counterpart's open actions and last meetings before that day
};

/// A person the owners owe something: open actions of theirs from meetings that person
/// attended (the counterpart side only).
struct OwedReply {
  NodeId person;
  std::vector<ActionRef> actions;  ///< by due date, as find_actions sorts
  Date since;                      ///< the date of the oldest of those meetings
};

struct Agenda {
  AgendaOptions options;
  Date last_day;                       ///< the last day whose meetings are listed
  Date week_end;                       ///< the Sunday of today's ISO week
  std::vector<AgendaMeeting> meetings; ///< by date and time
  std::vector<ActionRef> overdue;      ///< open, due before today
  std::vector<ActionRef> due_soon;     ///< open, due from today to week_end
  std::vector<OwedReply> owed;         ///< most actions first, then oldest meeting first; only with owners
};

/// The agenda of `o.today`. REQUIRES: the KB was loaded with actions.
Agenda build_agenda(const KnowledgeBase& kb, const AgendaOptions& o);

}  // namespace kb
