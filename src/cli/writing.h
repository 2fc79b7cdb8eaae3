#pragma once
// What the commands that write notes share (kb add, kb add affiliation, kb alias add, kb edit):
// names resolved for writing, kb.yaml's key names, one-line argument checks, the editor and
// the visudo-style check after it, and writing a front-matter edit back. Private to src/cli.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "kb/edit/change.h"
#include "kb/model/graph.h"
#include "kb/parse/front_matter.h"
#include "session.h"

namespace kb {
class FileSystem;
struct Value;
}  // namespace kb

namespace kb::cli {

/// A name given on the command line, after resolution.
struct GivenName {
  std::string given;
  std::string written;  ///< the canonical name when resolved, else as given
  NodeId id;            ///< valid when resolved
  RecordType type = RecordType::person;
};

/// The KB's key for one of kb's own keys (kb.yaml `fields:` maps vault keys).
std::string key_for(const KnowledgeBase& kb, const std::string& key);
/// The key a note's `fields` hold kb's `key` under: the kb.yaml name or `key` itself, whichever
/// the note uses, else key_for (the key a new entry gets).
std::string key_in_note(const KnowledgeBase& kb, const Value& fields, const std::string& key);

/// False (after a usage error naming `flag`) when `value` is not one line of valid UTF-8.
bool one_line(Session& s, const std::string& flag, const std::string& value);

/// Resolves names for writing into `out`: the canonical name when one record matches; false
/// after an error when several do. A name no record has: with kb.yaml `strict: true` an error
/// (false); else a warning with "did you mean", written as given (or as a stub record with
/// `create_missing`) and, when `ask` and stdin is a terminal, only after a yes to
/// "Write 'X' as a new name? [y/N]".
bool resolve_for_write(Session& s, const KnowledgeBase& kb, const std::vector<std::string>& names, RecordType type,
                       bool create_missing, std::vector<GivenName>& out, bool ask = false);

/// Runs $VISUAL, else $EDITOR, else vi on `file` (through sh, so the variable may carry
/// arguments); false, after a warning, when it cannot start or does not exit 0.
bool run_editor(Session& s, const std::string& file);

/// Opens the note `path` (relative to the KB) in the editor, then checks it as a load would;
/// while it has errors, prints them and, when stdin is a terminal, asks "Edit again? [Y/n]".
/// ExitCode::ok once it loads cleanly, failure when it does not and is not edited again.
ExitCode edit_until_clean(Session& s, const KnowledgeBase& kb, const std::string& path);

/// A note read for a front-matter edit: its text as on disk and its front matter (empty when
/// it does not parse; the edit then refuses).
struct NoteToEdit {
  std::string text;
  std::optional<FrontMatter> front;
};

/// Reads `path` of the KB for an edit; prints "cannot read ..." and returns nullopt when it
/// cannot be read.
std::optional<NoteToEdit> read_note_to_edit(Session& s, FileSystem& fs, const std::string& path);

/// Writes `next` (a front-matter edit of `old`, which is what `path` held when read) with
/// FileSystem::replace. Without `next` (the editor refused) prints "kb cannot edit this front
/// matter safely; edit it by hand: PATH". False after an error.
bool write_front_edit(Session& s, FileSystem& fs, const std::string& path, const std::string& old,
                      const std::optional<std::string>& next);

/// Carries out a planned change (kb rename, kb merge): with `problems`, prints each and
/// "nothing was CHANGED" (failure); with `dry_run`, prints the diff (ok); else writes it with
/// apply_change() and, on success, runs `report` (ok); when a note cannot be written, says
/// which and why and that the notes written before it were put back (or which could not be).
ExitCode carry_out(Session& s, FileSystem& fs, const KbChange& change, const std::vector<std::string>& problems,
                   bool dry_run, const std::string& changed, const std::function<void(const ChangeResult&)>& report);

}  // namespace kb::cli
