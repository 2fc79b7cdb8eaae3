#pragma once
// kb rename: a record gets a new name, every note that names it by its name or id is edited
// to the new one (front-matter fields in any spelling kb resolves, [[links]] with their
// headings and shown text, Markdown links when the file is renamed), and the old name stays an
// alias. Worked out whole as a KbChange (edit/change.h) before anything is written.

#include <string>
#include <string_view>
#include <vector>

#include "kb/base/fs.h"
#include "kb/edit/change.h"
#include "kb/model/graph.h"

namespace kb {

/// The notes' edits that make every use of `target`'s name or id name `name` (and `rid`, for
/// uses by id) instead.
struct UsesRenamed {
  std::vector<NoteChange> notes;
  std::size_t by_alias = 0;           ///< uses of one of its aliases, left as written
  std::vector<std::string> problems;  ///< "PATH: why" for each note kb cannot edit safely
};

/// Reads (through `fs`) each note the loaded graph says names `target` and works out its edit.
/// REQUIRES: `kb` was loaded with its links.
UsesRenamed rename_uses(const KnowledgeBase& kb, FileSystem& fs, NodeId target, std::string_view name,
                        std::string_view rid);

struct RenameOptions {
  bool keep_alias = true;  ///< the old name becomes an alias (unless only its spelling changes)
};

struct RenamePlan {
  KbChange change;  ///< the record's own note is the first edit
  std::size_t by_alias = 0;
  /// When not empty, the rename must not be written: "PATH: why" for each note.
  std::vector<std::string> problems;
};

/// Plans renaming the defined record `record` to `new_name`: its name field, the old name
/// added to its aliases, its file renamed when its name is kb's slug of the old name (to the
/// slug of the new one, `-2` ... when taken), and every use of it in other notes.
RenamePlan plan_rename(const KnowledgeBase& kb, FileSystem& fs, NodeId record, std::string_view new_name,
                       const RenameOptions& options);

/// The key a record's name is written under in its note: `title` for a meeting and a note,
/// else `name` (or `title` when the note has that and no `name`), through kb.yaml's `fields:`.
std::string name_key_of(const KbConfig& config, const Record& r, const Value& fields);

/// Where a record's file goes when it is called `name`: its folder and the file name of `name`
/// by the KB's rule (slug, or the name itself with `filenames: name`), when its file name now
/// is the slug or the name of its name; else where it is. Without ".md".
std::string renamed_rid(const KbConfig& config, const Record& r, std::string_view name);

}  // namespace kb
