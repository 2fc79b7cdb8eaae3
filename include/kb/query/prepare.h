#pragma once
// Meeting preparation: what a new meeting note lists under "Before this meeting" for the
// organizations and people it names — the open action items that concern them and the last
// meeting held with them, with its decisions. Pure queries over a const KnowledgeBase.

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "kb/base/date.h"
#include "kb/model/graph.h"
#include "kb/query/actions.h"

namespace kb {

/// The latest earlier meeting with some of the subjects.
struct LastMeeting {
  NodeId meeting;
  std::vector<NodeId> subjects;  ///< the subjects whose last meeting it is, in the order given
};

struct Preparation {
  /// Open actions from meetings on or before the date with any subject (organizations with
  /// their sub-organizations and affiliated attendees), plus open actions a subject person
  /// owns; each once, by due date (undated last), then meeting date and line.
  std::vector<ActionRef> open_actions;
  /// Each subject's latest meeting on or before the date, one entry per meeting, newest first.
  std::vector<LastMeeting> last_meetings;
  bool empty() const { return open_actions.empty() && last_meetings.empty(); }
};

/// Preparations for the meetings of one KB. The open actions each person owns are gathered
/// once, when it is made, so preparing many meetings (`kb today`) costs one pass over the
/// notes, not one a subject.
class Preparer {
 public:
  explicit Preparer(const KnowledgeBase& kb);
  /// The preparation for a meeting on `date` with `subjects` (organizations and people;
  /// invalid or undefined ids are skipped, and so is the home side: kb.yaml `home`, its people
  /// on `date`, and `me`, who are at every meeting and would bring every open action).
  Preparation prepare(const std::vector<NodeId>& subjects, const Date& date) const;

 private:
  const KnowledgeBase& kb_;
  std::unordered_map<std::uint32_t, std::vector<ActionRef>> owned_;  ///< open actions by owner
};

/// Preparer(kb).prepare(subjects, date): for one meeting.
Preparation prepare_meeting(const KnowledgeBase& kb, const std::vector<NodeId>& subjects, const Date& date);

}  // namespace kb
