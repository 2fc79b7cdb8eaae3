#pragma once
// A change to the KB that spans notes (kb rename, kb merge): the new text of each note it
// edits, and a note it renames or deletes, worked out whole before anything is written. It is
// written all or nothing: each note atomically, only while it still holds what was read; when
// one cannot be written, those already written are put back.

#include <optional>
#include <string>
#include <vector>

#include "kb/base/fs.h"

namespace kb {

/// One note's edit: its text as read and as it is to be.
struct NoteChange {
  std::string path;
  std::string before;
  std::string after;
  std::size_t names = 0;  ///< how many names in it the change renames (for the report)
};

struct KbChange {
  std::vector<NoteChange> notes;  ///< written in this order
  /// The note renamed after the edits (`from` to `to`; its text is then its `after`).
  struct Move {
    std::string from;
    std::string to;
  };
  std::optional<Move> move;
  /// A note deleted last (it must still hold `before`).
  std::optional<NoteChange> remove;
};

struct ChangeResult {
  bool ok = true;
  std::string failed;    ///< the note that could not be written (when not ok)
  WriteStatus status = WriteStatus::ok;
  std::string message;   ///< why, when status is error
  std::vector<std::string> not_restored;  ///< notes written that could not be put back
  /// The rename or deletion that did not happen after every edit was written (ok stays true:
  /// the notes are consistent; the file keeps its name, or the duplicate stays).
  std::string last_step_failed;
};

/// Writes `change`: every edit, then the move, then the deletion.
ChangeResult apply_change(FileSystem& fs, const KbChange& change);

/// The change as a unified diff of each note (`a/PATH`, `b/PATH`), with a line for the file
/// renamed or deleted: what --dry-run prints.
std::string change_diff(const KbChange& change);

}  // namespace kb
