#pragma once
// Renaming what a note calls a record (kb rename, kb merge): a name in a front-matter value
// (`Ana`, `"[[Ana|A.]]"`, one item of `Ana, Bo`) and the body's links to it (`[[Ana]]`,
// `[[Ana#Bio|A.]]`, `![[Ana]]`, `[A.](../people/ana.md)`), every other byte kept. Each edit
// is read back before it is given: the front matter holds exactly the changed names, and a
// body edit touches no line but the ones named.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kb {

/// `text` with each whole name item spelled `from` (after trimming) spelled `to`: the whole
/// text, a link's target in `[[from]]`, `[[from|shown]]`, `[[from#heading]]`, or one item of a
/// comma-separated list. std::nullopt when `from` is no such item of `text`.
/// Example: rename_name_item("[[Ana#Bio|A.]]", "Ana", "Ana Bell") == "[[Ana Bell#Bio|A.]]".
std::optional<std::string> rename_name_item(std::string_view text, std::string_view from, std::string_view to);

/// One name to rename where a note uses it: a front-matter scalar starting at `line`:`column`
/// (`body` false) or the links on body line `line` (`body` true).
struct NameChange {
  int line = 0;
  int column = 0;
  bool body = false;
  std::string from;  ///< as written (a name, or a record id)
  std::string to;
};

/// The note `text` (at `path`) with every change made; a body change renames each [[link]] on
/// its line whose target is spelled `from`, and when `from` is a record id also each Markdown
/// link on it to that note (`old_id`'s file, given relative to the note as it was written).
/// std::nullopt when a change finds nothing to rename or the edit would not read back.
std::optional<std::string> rename_names(std::string_view path, std::string_view text,
                                        const std::vector<NameChange>& changes);

}  // namespace kb
