#pragma once
// The actions the SQLite and Neo4j exports write for a record: a meeting's. The tasks of
// other notes are listed by `kb actions --all-notes` but not exported (issue 23).

#include <vector>

#include "kb/model/types.h"

namespace kb {

inline const std::vector<Action>& exported_actions(const Record& r) {
  static const std::vector<Action> none;
  return r.type == RecordType::meeting ? *r.actions : none;
}

}  // namespace kb
