#pragma once
// Markdown bodies: the facts kb reads from a note's body (summary, decisions, action items,
// [[wikilinks]]), each with its file location. cmark-gfm stays inside markdown.cpp.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kb/base/date.h"
#include "kb/base/diag.h"

namespace kb {

/// `[[target#heading|display]]`; `target` is what resolves to a record.
struct WikiLink {
  std::string target;
  std::string heading;  ///< after '#', without it (may be empty)
  std::string display;  ///< after '|' (may be empty)
  SourceLoc loc;
};

/// A GFM task-list item.
struct TaskItem {
  std::string text;  ///< the item's first paragraph as written, without the `- [ ] ` marker
  bool done = false;
  std::optional<Date> due;      ///< `due:YYYY-MM-DD` or `📅 YYYY-MM-DD`
  std::optional<Date> done_on;  ///< `✅ YYYY-MM-DD`
  std::vector<WikiLink> links;  ///< in order; the owner is the first that resolves to a person
  SourceLoc loc;                ///< the item's line (what `kb actions done` takes)
};

struct Decision {
  std::string text;
  std::vector<WikiLink> links;
  SourceLoc loc;
};

struct BodyFacts {
  std::string summary;  ///< the `## Summary` section's first paragraph, else the body's first
  std::vector<Decision> decisions;  ///< list items under a `Decisions` heading
  std::vector<TaskItem> tasks;      ///< task items anywhere
  std::vector<WikiLink> links;      ///< every wikilink in the body, in order
  std::vector<std::string> headings;
};

/// Reads the facts of a Markdown body. `first_line` is the file line the body starts on.
/// Malformed dates in tasks are reported as warnings; Markdown itself never fails.
BodyFacts parse_body(std::string_view path, std::string_view body, int first_line,
                     DiagSink& diags);

/// Finds the `[[...]]` links in a run of text. `loc` is where `text` starts (same line).
std::vector<WikiLink> find_wikilinks(std::string_view text, const SourceLoc& loc);

/// Renders Markdown to HTML with cmark-gfm (tables, strikethrough, autolinks, task lists);
/// raw HTML is never passed through. Wikilinks are shown as their display text.
std::string render_markdown_html(std::string_view markdown);

/// The cmark-gfm version kb runs with (for --version).
std::string markdown_library_version();

}  // namespace kb
