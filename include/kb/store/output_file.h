#pragma once
// Writing what kb makes (reports, graphs, exports) to a path the user named with `-o FILE` or
// as an export target. The rule is to write *to what is there*:
//   - a path that names an open descriptor (/dev/stdout, /dev/stderr, /dev/fd/N,
//     /proc/self/fd/N) is written to that descriptor, as a shell redirection would;
//   - a character or block device or a FIFO is opened and written through (it stays what it
//     is: `-o /dev/null` never turns /dev/null into a file, even as root);
//   - a symbolic link is followed, and the same rules apply to its target;
//   - only a regular file (or a new one) is written whole or not at all: a temporary file in
//     the same folder, renamed over it (keeping its mode, owner and group) or linked in place.
// Outputs never replace a file that kb reads from a KB: a note (`*.md`), `kb.yaml`, or
// anything under `.kb/`.

#include <string>
#include <string_view>

#include "kb/base/fs.h"

namespace kb {

struct OutputRules {
  /// False: a regular file that exists is not replaced (WriteStatus::exists); `kb export`
  /// without --force.
  bool replace_regular = true;
  /// The KB whose files an output must never replace (empty: none).
  std::string kb_root;
};

/// Writes `content` to `path` by the rules above. WriteStatus::exists when a regular file is
/// there and may not be replaced; WriteStatus::error with `message` saying why otherwise
/// (a folder, a socket, a note of the KB, a write error such as a full disk).
WriteResult write_output(const std::string& path, std::string_view content, const OutputRules& rules);

}  // namespace kb
