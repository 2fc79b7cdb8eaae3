#pragma once
// Meeting preparation: what a new meeting note lists under "Before this meeting" for the
// organizations and people it names — the open action items that concern them and the last
// meeting held with them, with its decisions. Pure queries over a const KnowledgeBase.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <unordered_map>
#include <vector>

#include "kb/base/date.h"
#include "kb/model/graph.h"
#include "kb/query/actions.h"
#include "kb/query/home_side.h"

namespace kb {

/// The latest earlier meeting with some of the subjects.
struct LastMeeting {
  NodeId meeting;
  std::vector<NodeId> subjects;  ///< the subjects whose last meeting it is, in the order given
};

struct Preparation {
  /// Open actions from meetings on or before the date with any subject (organizations with
  /// their sub-organizations and affiliated attendees), plus open actions a subject person
  /// owns; each once, in ActionOrder. Only the first `limit` when prepare() was given one.
  std::vector<ActionRef> open_actions;
  std::size_t open_total = 0;  ///< how many there are in all
  /// Each subject's latest meeting on or before the date, one entry per meeting, newest first.
  std::vector<LastMeeting> last_meetings;
  bool empty() const { return open_total == 0 && last_meetings.empty(); }
};

/// Preparations for the meetings of one KB. What a subject brings (its meetings, its open
/// actions, each with where it sorts) is gathered the first time it is asked for and kept, so
/// preparing many meetings with the same organizations (`kb today`) reads each organization's
/// meetings once; a preparation is then one pass over its subjects' lists, and only the
/// actions it shows are put in order.
class Preparer {
 public:
  explicit Preparer(const KnowledgeBase& kb);
  ~Preparer();
  /// The preparation for a meeting on `date` with `subjects` (organizations and people;
  /// invalid or undefined ids are skipped, and so is the home side: kb.yaml `home`, its people
  /// on `date`, and `me`, who are at every meeting and would bring every open action).
  /// `limit`: keep only that many open actions (open_total counts them all).
  Preparation prepare(const std::vector<NodeId>& subjects, const Date& date,
                      std::size_t limit = static_cast<std::size_t>(-1)) const;

 private:
  struct Subject;
  const Subject& subject(NodeId id) const;
  NodeId last_meeting(const Subject& s, const Date& date) const;

  const KnowledgeBase& kb_;
  HomeSide home_;
  /// Every open action of a dated meeting, with where it sorts; a meeting's are
  /// open_[first_open_[id] .. first_open_[id + 1]).
  std::vector<std::pair<ActionOrder, ActionRef>> open_;
  std::vector<std::uint32_t> first_open_;
  std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> owned_;  ///< open_ indexes by owner
  mutable std::unordered_map<std::uint32_t, std::unique_ptr<Subject>> subjects_;
  /// The number of the last prepare() that took each of open_, so each is taken once.
  mutable std::vector<std::uint32_t> taken_;
  mutable std::uint32_t serial_ = 0;
};

/// Preparer(kb).prepare(subjects, date): for one meeting.
Preparation prepare_meeting(const KnowledgeBase& kb, const std::vector<NodeId>& subjects, const Date& date);

}  // namespace kb
