#pragma once
// In-place edits of an existing note's action items (`kb actions done|cancel|reopen|due|
// reassign|add`): each changes one line (or adds one) and nothing else, and the file is written
// back atomically only if it still holds what was read.

#include <string>
#include <string_view>

#include "kb/base/date.h"
#include "kb/base/fs.h"

namespace kb {

enum class MarkStatus { ok, no_such_line, not_a_task, already_done, not_closed };

struct MarkResult {
  MarkStatus status = MarkStatus::ok;
  std::string text;  ///< the whole new text when ok
  std::string line;    ///< the line as it was (without its line ending)
  std::string edited;  ///< the line as it is now, when ok
  /// The next occurrence of a recurring task marked done (`🔁 every week`), written on a new
  /// line above it as the Tasks plugin does (so `edited` is then one line lower); else empty.
  std::string next;
};

/// Marks the open task item on 1-based `line` of `text` done: `[ ]` becomes `[x]` and
/// ` ✅ YYYY-MM-DD` (`on`) is appended to the line (after trailing blanks are dropped). Every
/// other byte, line endings included, is kept. Refuses (status not ok, `text` empty) when the
/// line does not exist, is not a GFM task item, or is already checked.
MarkResult mark_action_done(std::string_view text, int line, const Date& on);

/// What to do to an action item's line (Obsidian Tasks' way of writing each).
struct TaskChange {
  enum class Op { done, cancel, reopen, due, owner };
  Op op = Op::done;
  Date date;               ///< done, cancel: the day stamped (✅ / ❌); due: the new due date
  std::string owner_from;  ///< owner: the link target naming the owner now ("" when none)
  std::string owner_to;    ///< owner: the new owner's name
};

/// Changes the task item on 1-based `line` of `text`: done (`[x]`, ` ✅ D`; a recurring task,
/// `🔁 every [N] day|week|month|year[s] [when done]`, gets its next occurrence above it, its
/// dates moved by the interval, as the Tasks plugin writes it), cancel (`[-]`,
/// ` ❌ D`), reopen (`[ ]`, the ✅/❌ stamps dropped), due (the `📅`, `due:` or `[due:: ]` date
/// replaced, else ` 📅 D` appended) or owner (the link `[[owner_from]]` renamed, else
/// ` [[owner_to]]` appended). Done and cancel need an open item (already_done), reopen a closed
/// one (not_closed). Every other byte is kept.
MarkResult change_task(std::string_view text, int line, const TaskChange& change);

/// `text` with a new open action item `- [ ] item` at the end of its `## Actions` section
/// (after its last line that is not blank), or at the end of the note under a new
/// `## Actions` heading; the note's own line ending is used. `line` is set to its line.
std::string add_task(std::string_view text, std::string_view item, int& line);

struct EditResult {
  WriteStatus status = WriteStatus::ok;
  MarkStatus mark = MarkStatus::ok;
  std::string line;     ///< the line before the edit
  std::string edited;   ///< the line after the edit
  std::string next;     ///< a recurring task's next occurrence, written above it (MarkResult::next)
  std::string message;  ///< set when status is error
};

/// Marks the action on `line` done in the file `path`, whose content was read as `expected`,
/// and replaces the file atomically. Nothing is written when the line is not an open task
/// (`mark` says why) or when the file no longer holds `expected` (WriteStatus::changed).
EditResult write_action_done(FileSystem& fs, const std::string& path, std::string_view expected,
                             int line, const Date& on);

/// change_task() on `line` of the file `path` (read as `expected`), written as write_action_done.
EditResult write_task_change(FileSystem& fs, const std::string& path, std::string_view expected, int line,
                             const TaskChange& change);

}  // namespace kb
