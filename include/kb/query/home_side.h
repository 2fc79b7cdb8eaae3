#pragma once
// The side the notes are written from: kb.yaml `home` (an organization, with its
// sub-organizations) and `me` (a person). Questions about other people ("Before this meeting",
// related, path, stale, the people met most) leave this side out, as the weekly report does.

#include <optional>
#include <set>

#include "kb/base/date.h"
#include "kb/model/graph.h"

namespace kb {

class HomeSide {
 public:
  explicit HomeSide(const KnowledgeBase& kb);

  /// The person kb.yaml `me` names (invalid when unset or naming no one person).
  NodeId me() const { return me_; }
  /// True when neither `home` nor `me` names a record.
  bool empty() const { return orgs_.empty() && !me_.valid(); }
  /// `id` is a home organization or `me`, or a person affiliated with a home organization on
  /// `on` (on any date when `on` is not given).
  bool has(NodeId id, const std::optional<Date>& on = std::nullopt) const;
  /// An attendee of the meeting `m` is on the home side: `me`, the organization the meeting
  /// gives them (or their affiliation on its date) is a home one.
  bool has_attendee(const Record& m, const Attendee& a) const;

 private:
  const KnowledgeBase& kb_;
  std::set<NodeId> orgs_;
  NodeId me_;
};

}  // namespace kb
