#pragma once
// kb merge: two records of one person (organization, topic, event) become one. The duplicate's
// names become aliases of the record kept, its affiliations and other fields move there, every
// note that names it by name or id names the kept record instead, and its note is deleted.
// Nothing is dropped: a field both give differently, and the duplicate's body, are kept in the
// kept record's body under "## Merged from NAME". Worked out whole as a KbChange.

#include <string>
#include <vector>

#include "kb/base/fs.h"
#include "kb/edit/change.h"
#include "kb/model/graph.h"

namespace kb {

struct MergePlan {
  /// The notes that named the duplicate, then the kept record's note; the duplicate's note is
  /// deleted last.
  KbChange change;
  std::vector<std::string> moved;      ///< what moved: "alias 'X'", "affiliation 'Org' (Role)", "field 'email'"
  std::vector<std::string> conflicts;  ///< "key: the duplicate's value (kept: the other)", kept in the body
  std::size_t by_alias = 0;            ///< uses of the duplicate's aliases (they move, so still resolve)
  /// When not empty, the merge must not be written: "PATH: why".
  std::vector<std::string> problems;
};

/// Plans merging the defined record `duplicate` into `into` (same type, not meetings).
/// REQUIRES: `kb` was loaded with its links.
MergePlan plan_merge(const KnowledgeBase& kb, FileSystem& fs, NodeId duplicate, NodeId into);

}  // namespace kb
