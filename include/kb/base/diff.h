#pragma once
// A unified diff of two texts, line by line (what `--dry-run` shows of an edit). kb's edits
// change few lines of a note, so the lines both texts share at the start and the end are set
// aside first and only the middle is compared.

#include <string>
#include <string_view>

namespace kb {

/// The unified diff (`--- a`, `+++ b`, `@@ -l,n +l,n @@` hunks with `context` lines around
/// each change) that turns `before` into `after`; empty when they are equal. Lines end at LF,
/// CR or CRLF; a line is shown without its line end.
std::string unified_diff(std::string_view label_before, std::string_view label_after, std::string_view before,
                         std::string_view after, int context = 3);

}  // namespace kb
