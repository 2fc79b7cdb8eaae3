#pragma once
// Patching a graph snapshot after a few notes were edited, added or removed (private to
// model/): instead of loading the whole KB again, load_kb() takes the snapshot and does again
// only the notes whose graph can differ, so that the outcome is the graph a whole load gives.
// The rule is one: resolving a note looks names up in the graph's indexes, and each record
// keeps what it looked up (Record::reads, model/reads.h). A note added, removed or changed in
// what others look up of it (its names; a person's affiliations) changes the answers to some
// lookups; every note that made one of them is read and resolved again, with the changed
// notes, against the patched graph. The unresolved nodes (names nothing defines) those notes
// named or name are then made, dropped and named as a whole load would, and a node that came
// or went is itself a changed answer for the next round (an action's owner is looked up among
// unresolved people too). A note that does not parse joins the skipped files.
// A patch gives up (and load_kb() loads the whole KB) only when a note cannot be read, when
// two paths have one record id, when the notes to do again are more than a whole load is
// worth, or when an unresolved node's first spelling is in text the snapshot does not keep
// (an attendee's organization given in a meeting that is not done again).

#include <cstddef>
#include <string>
#include <vector>

#include "kb/base/fs.h"
#include "kb/model/load.h"

namespace kb {

/// The notes that differ from a snapshot's, to read through the file system.
struct NotePatch {
  std::vector<FileInfo> changed;     ///< stamps changed
  std::vector<FileInfo> added;       ///< in path order
  std::vector<std::string> removed;  ///< paths, in path order
};

/// Puts the notes of `patch` into `snap`, a load decoded from a snapshot with its stored
/// diagnostics (and only those) in `snap.diags`, and with each record's reads. Returns false
/// when a whole load must be done instead;
/// `snap` is then half patched and must be dropped. The new records keep only the `parts`
/// asked for, as in a snapshot decoded with them. `notes_read`: how many notes were read.
bool patch_graph(LoadResult& snap, FileSystem& fs, const NotePatch& patch, RecordParts parts,
                 std::size_t& notes_read);

}  // namespace kb
