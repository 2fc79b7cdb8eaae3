#pragma once
// Patching a graph snapshot after a few notes were edited (private to model/): instead of
// loading the whole KB again, load_kb() takes the snapshot, parses only the changed notes and
// puts each in place of its old record, when the outcome is the graph a whole load would give.
// That holds for a meeting or plain note that keeps its path, type and names and writes no
// name that is not a record: nothing else in the graph depends on such a note but the meeting
// lists of what it names. Any other change (a person's affiliations, a new unresolved name, a
// renamed meeting, a note that stopped parsing) makes load_kb() load the whole KB.

#include <cstddef>
#include <vector>

#include "kb/base/fs.h"
#include "kb/model/load.h"

namespace kb {

/// Puts the notes `changed` (indexes into `files`, read through `fs`) into `snap`, a load
/// decoded from a snapshot with its stored diagnostics (and only those) in `snap.diags`.
/// Returns false when one of them is not a change a patch can make; `snap` is then half
/// patched and must be dropped. Without `text`, the new records keep no text, as in a snapshot
/// decoded without it.
bool patch_graph(LoadResult& snap, FileSystem& fs, const std::vector<FileInfo>& files,
                 const std::vector<std::size_t>& changed, bool text);

}  // namespace kb
