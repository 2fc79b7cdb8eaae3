#pragma once
// load_kb(): a KB folder (through FileSystem) -> KnowledgeBase. Reads kb.yaml, parses every
// record file (in parallel; the result does not depend on thread count or file order),
// types the records, resolves every name and builds the indexes. Bad files are reported and
// skipped; everything else loads.

#include <cstddef>
#include <string>
#include <vector>

#include "kb/base/diag.h"
#include "kb/base/fs.h"
#include "kb/model/graph.h"

namespace kb {

struct LoadOptions {
  unsigned threads = 0;  ///< 0: one per core
};

struct LoadResult {
  KnowledgeBase kb;
  DiagSink diags;                    ///< sorted; errors and warnings of the whole KB
  std::vector<std::string> skipped;  ///< paths of files that could not be loaded
  std::size_t files = 0;             ///< record files seen
};

/// Loads the KB that `fs` is rooted at. Never throws for bad user data.
LoadResult load_kb(FileSystem& fs, const LoadOptions& options = {});

/// Reads kb.yaml text into a KbConfig; problems go to `diags`.
KbConfig parse_config(std::string_view path, std::string_view text, DiagSink& diags);

}  // namespace kb
