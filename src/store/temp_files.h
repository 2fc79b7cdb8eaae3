#pragma once
// Temporary files of kb's writers (notes, -o outputs, exports), private to src/store.
//
// A writer first writes `.kb-tmp-<owner>-XXXXXX` beside its target, then links or renames it
// into place. <owner> is "<boot>.<pid namespace>.<pid>" of the writing process, so a later
// writer on the same machine can tell that the process is gone; a temporary file whose owner
// cannot be checked (another machine sharing the folder, an older kb) is stale only after an
// hour. Every writer removes the stale ones in its folder before it makes its own.

#include <cstdint>
#include <string>
#include <string_view>

namespace kb::temp {

/// True when the temporary file `name` (its mtime `mtime_s`) belongs to no live writer: made
/// over an hour ago, or by a process of this machine that is gone.
bool is_stale(std::string_view name, std::int64_t mtime_s, std::int64_t now_s);

/// Deletes the stale temporary files that killed writers left in `dir` (never a live one).
void remove_stale(const std::string& dir);

/// Removes the stale temporary files in `dir` ("" is the current folder), then creates a new
/// one there (O_EXCL, mode 0600 until the caller sets it); returns its descriptor and sets
/// `path`, or returns -1 with errno set.
int open_beside(const std::string& dir, std::string& path);

}  // namespace kb::temp
