#pragma once
// In-place edits of a note's front matter (issue 25: alias add, add affiliation): append an
// item to a list, add a key to one mapping item of a list, set a scalar, keeping every other
// byte (comments, key order, quoting, line endings, the body). Values are written with
// store/writer's emitter rules. Every edit is read back with kb's own front-matter parser and
// refused unless the fields are exactly the old ones plus the change. Writing the result is
// the caller's (FileSystem::replace, which refuses a note that changed since it was read).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kb/store/writer.h"

namespace kb {

/// Appends `item` (a scalar or a mapping) to the list under top-level `key` of the note `text`:
/// after the last `- ` item of a block list, before the `]` of a flow list, or as a new
/// `key:` list at the end of the front matter when the key is absent (or null). Returns the
/// whole new text, or std::nullopt when the note has no front matter that parses, `key` holds
/// anything but a list, or the edit would not read back as exactly that change.
/// Example: append_list_item("a.md", "---\naliases: [A]\n---\n", "aliases", YamlOut::str("B"))
/// == "---\naliases: [A, B]\n---\n".
std::optional<std::string> append_list_item(std::string_view path, std::string_view text, std::string_view key,
                                            const YamlOut& item);

/// Adds `subkey: value` as the last entry of the mapping that is item `index` (0-based) of the
/// list under top-level `key` (block `- org: X` items or flow `{org: X}` items). std::nullopt
/// when that item is not a mapping, already has `subkey`, or the edit would not read back.
std::optional<std::string> add_item_key(std::string_view path, std::string_view text, std::string_view key,
                                        std::size_t index, std::string_view subkey, const YamlOut& value);

/// Sets top-level `key` to the scalar `value`: replaces a one-line scalar written on the key's
/// line (quoted or plain, a trailing comment kept), or adds `key: value` at the end of the
/// front matter. std::nullopt when the key holds a list, a mapping or a multi-line scalar, or
/// the edit would not read back.
std::optional<std::string> set_scalar(std::string_view path, std::string_view text, std::string_view key,
                                      const YamlOut& value);

/// A scalar anywhere in the front matter (a list item, a mapping's entry, nested), named by
/// the location the parser gives its first character, and the string it is to hold.
struct ScalarChange {
  int line = 0;
  int column = 0;
  std::string value;
};

/// Gives each scalar named in `changes` its new value, written plain when it can be and
/// double-quoted when not, whatever the quoting it had. std::nullopt when one of them is not
/// a one-line scalar at that place (block scalars, anchors and aliases are refused) or the
/// edit would not read back as exactly those changes.
/// Example: replace_scalars("m.md", "---\nattendees: [Ana, 'Bo']\n---\n", {{2, 18, "Bo: B"}})
/// == "---\nattendees: [Ana, \"Bo: B\"]\n---\n".
std::optional<std::string> replace_scalars(std::string_view path, std::string_view text,
                                           const std::vector<ScalarChange>& changes);

}  // namespace kb
