#pragma once
// Patching a graph snapshot after a few notes were edited, added or removed (private to
// model/): instead of loading the whole KB again, load_kb() takes the snapshot, parses only the
// changed notes and puts each in place of its old record, when the outcome is the graph a
// whole load would give. That holds for a note that keeps its path, its type and its names (as
// name keys) and whose old and new versions name only records that exist: a meeting or plain
// note then reaches nothing else in the graph but the meeting lists of what it names; a
// person, organization, topic or event (whose names no other record of its type shares)
// reaches the member and sub-organization lists, and a person the organization and role of
// each meeting attended on its date, all of which are brought up to date. A note added or
// removed is put in or taken out (every later node moving) when it names only records that
// exist, no [[wikilink]] anywhere could name it (by its title, aliases or path), and, for a
// person, organization, topic or event, nothing else names it: no unresolved name of its type
// for one added (and no other record of its type shares its names), and no meeting, member or
// sub-organization list holding one removed. A note added or removed that does not parse is
// added to or dropped from the skipped files. Any other change (a new unresolved name, a
// renamed note, a shared name, a note that stops or starts parsing) makes load_kb() load the
// whole KB.

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
/// diagnostics (and only those) in `snap.diags`, and with the keys of its wikilinks
/// (`snap.link_keys`) when notes were added or removed. Returns false when one of them is not a change a patch can make;
/// `snap` is then half patched and must be dropped. The new records keep only the `parts`
/// asked for, as in a snapshot decoded with them.
bool patch_graph(LoadResult& snap, FileSystem& fs, const NotePatch& patch, RecordParts parts);

}  // namespace kb
