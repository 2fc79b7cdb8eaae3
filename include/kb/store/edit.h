#pragma once
// In-place edits of an existing note (SPEC §2 `kb actions done`): mark one action item done,
// changing that one line and nothing else, and write the file back atomically only if it
// still holds what was read.

#include <string>
#include <string_view>

#include "kb/base/date.h"
#include "kb/base/fs.h"

namespace kb {

enum class MarkStatus { ok, no_such_line, not_a_task, already_done };

struct MarkResult {
  MarkStatus status = MarkStatus::ok;
  std::string text;  ///< the whole new text when ok
  std::string line;    ///< the line as it was (without its line ending)
  std::string edited;  ///< the line as it is now, when ok
};

/// Marks the open task item on 1-based `line` of `text` done: `[ ]` becomes `[x]` and
/// ` ✅ YYYY-MM-DD` (`on`) is appended to the line (after trailing blanks are dropped). Every
/// other byte, line endings included, is kept. Refuses (status not ok, `text` empty) when the
/// line does not exist, is not a GFM task item, or is already checked.
MarkResult mark_action_done(std::string_view text, int line, const Date& on);

struct EditResult {
  WriteStatus status = WriteStatus::ok;
  MarkStatus mark = MarkStatus::ok;
  std::string line;     ///< the line before the edit
  std::string edited;   ///< the line after the edit
  std::string message;  ///< set when status is error
};

/// Marks the action on `line` done in the file `path`, whose content was read as `expected`,
/// and replaces the file atomically. Nothing is written when the line is not an open task
/// (`mark` says why) or when the file no longer holds `expected` (WriteStatus::changed).
EditResult write_action_done(FileSystem& fs, const std::string& path, std::string_view expected,
                             int line, const Date& on);

}  // namespace kb
