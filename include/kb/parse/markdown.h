#pragma once
// Markdown bodies: the facts kb reads from a note's body (summary, decisions, action items,
// [[wikilinks]], Markdown links to notes, #tags), each with its file location. Obsidian's
// syntax is read as Obsidian reads it (embeds, heading and block links, Tasks emoji fields,
// Dataview inline fields). cmark-gfm stays inside markdown.cpp.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kb/base/date.h"
#include "kb/base/diag.h"

namespace kb {

/// `[[target#heading|display]]`, `[[target#^block]]`, `![[embed]]` or a Markdown link
/// `[display](path/to/note.md#heading)`; `target` is what resolves to a record.
struct WikiLink {
  std::string target;   ///< a name, or a KB-relative path without ".md" for Markdown links
  std::string heading;  ///< after '#', without it (may be empty)
  std::string display;  ///< after '|' (may be empty)
  SourceLoc loc;
  std::string block;    ///< after '#^' (a block reference), without it (may be empty)
  bool embed = false;   ///< `![[...]]`
  bool markdown = false;  ///< written as a Markdown link to a .md file, not as [[...]]
};

/// Obsidian Tasks priorities (🔺 ⏫ 🔼 🔽 ⏬, or Dataview `[priority:: high]`).
enum class TaskPriority { none = 0, lowest = 1, low = 2, medium = 3, high = 4, highest = 5 };

/// "highest", "high", "medium", "low", "lowest", or "" for none.
std::string_view to_string(TaskPriority p);

/// A GFM task-list item.
struct TaskItem {
  std::string text;  ///< the item's first paragraph as written, without the `- [ ] ` marker
  bool done = false;
  std::optional<Date> due;      ///< `due:YYYY-MM-DD`, `📅 YYYY-MM-DD` or `[due:: YYYY-MM-DD]`
  std::optional<Date> done_on;  ///< `✅ YYYY-MM-DD` or `[completion:: YYYY-MM-DD]`
  std::vector<WikiLink> links;  ///< in order; the owner is the first that resolves to a person
  SourceLoc loc;                ///< the item's line (what `kb actions done` takes)
  bool cancelled = false;       ///< `- [-]` (Obsidian Tasks); `done` is then false
  std::optional<Date> scheduled;     ///< `⏳ D` or `[scheduled:: D]`
  std::optional<Date> start;         ///< `🛫 D` or `[start:: D]`
  std::optional<Date> created;       ///< `➕ D` or `[created:: D]`
  std::optional<Date> cancelled_on;  ///< `❌ D` or `[cancelled:: D]`
  TaskPriority priority = TaskPriority::none;
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
  std::vector<std::string> tags;    ///< body `#tags` outside code, without '#', first spelling kept
};

/// Reads the facts of a Markdown body. `first_line` is the file line the body starts on; every
/// location in the facts shares `path`. Malformed dates in tasks are reported as warnings;
/// Markdown itself never fails, but a hostile body is read within a budget, with a warning:
/// only the lines before markdown_budget_end() are read, and a parse that would take more than
/// kMaxMarkdownMemory gives no facts (an allocation failure in the parser gives an error).
/// Either way in bounded time and memory, and kb goes on.
BodyFacts parse_body(const SharedPath& path, std::string_view body, int first_line,
                     DiagSink& diags);

/// The lines that open and close a section kb wrote from other notes ("Before this meeting"):
/// copies of other meetings' actions and decisions, which are not this note's own text.
inline constexpr std::string_view kGeneratedOpen = "<!-- kb:prep -->";
inline constexpr std::string_view kGeneratedClose = "<!-- /kb:prep -->";

/// `body` as kb reads it: each generated section (a line that is kGeneratedOpen, through the
/// next line that is kGeneratedClose, both lines included) blanked, its line breaks kept so
/// that every other line keeps its number. An opening line never closed blanks nothing.
/// parse_body and the text search read this; the note on disk keeps the section.
std::string without_generated(std::string_view body);

/// Markdown that cmark-gfm 0.29.0.gfm.6 parses in linear time. That version takes quadratic
/// time on many image openers `![` followed by links (CVE-2023-37463: 290 KB of `![[]()`
/// takes 11 s), so in a run of lines without a blank line holding more than
/// `kMaxImageOpeners` of them, each `![` is written `\![` (a literal `!`, then an ordinary
/// bracket). Returns false, and leaves `out` alone, when no run needs it.
constexpr std::size_t kMaxImageOpeners = 256;
bool defuse_markdown(std::string_view markdown, std::string& out);

/// Bytes that make cmark-gfm build nodes (brackets, emphasis, backticks, `<`, `>`, `!`, `\`,
/// `&`, `-`, `+` and line ends): it takes about 5 us and 220 bytes for each in the worst
/// cases measured (`*_*_...`), so a body is read up to the line on which its 200,000th
/// ends (about a second, 45 MB). A note of prose, or of a thousand tasks, is far below.
constexpr std::size_t kMaxMarkupBytes = 200'000;
/// The bytes one parse may ask for in all: 256 MiB (a link reference bomb asks for more).
constexpr std::size_t kMaxMarkdownMemory = std::size_t{256} << 20;

/// The length of the part of `markdown` that is parsed: all of it, or the whole lines (each
/// with its line end) before the line that holds its (kMaxMarkupBytes + 1)th markup byte.
std::size_t markdown_budget_end(std::string_view markdown);

/// What a value written as a link names: `[[Francesc Pedro|F.]]` and `[[Francesc Pedro#Bio]]`
/// name "Francesc Pedro"; any other text is itself. Trimmed either way.
std::string_view link_target(std::string_view text);

/// Text as a reader sees it, without [[wikilink]] brackets: `[[A|b]]` reads `b`, `[[A#h]]`
/// reads `A`; an escaped `\[[A]]` and a `[[A]]` in a code span are not links and stay as written.
std::string unlink_text(std::string_view text);

/// A note's text as a reader reads it, the one rendering of actions, decisions and summaries in
/// tables, reports and exports: [[links]] (and ![[embeds]]) as their shown text, the Tasks
/// fields (📅 ⏳ 🛫 ➕ ✅ ❌ with their dates, priorities ⏫ 🔼 🔽 ⏬ 🔺), Dataview inline fields
/// (`[key:: value]`, `(key:: value)`) and `due:YYYY-MM-DD` dropped, one space between words.
/// Example: plain_text("Send [[Ana Bell|Ana]] the draft 📅 2024-10-15 ⏫") == "Send Ana the draft".
std::string plain_text(std::string_view text);

/// Finds the `[[...]]` and `![[...]]` links in a run of text as given (every `[[` opens one:
/// parse_body leaves out those escaped or in code itself). `loc` is where `text` starts (same line).
std::vector<WikiLink> find_wikilinks(std::string_view text, const SourceLoc& loc);
/// The same, appended to `out` (a body's links go straight into one list).
void find_wikilinks(std::string_view text, const SourceLoc& loc, std::vector<WikiLink>& out);

/// False only when `body` can hold no #tag for parse_body to find: it has no '#' followed by a
/// byte a tag is made of, and no '&' (an entity such as `&num;` reads as '#'). True does not
/// mean it has one. Lets a load that needs a body's tags and nothing else skip parsing most
/// bodies.
bool may_hold_tags(std::string_view body);

/// The extension of the file a link names (`png` for `img/chart.png`, `md` for `a.md`), or ""
/// when its last part has none: no dot, or after the last dot something that is no extension
/// (more than 10 characters, not letters and digits, digits only: `v1.2`, `Dr. Smith`).
std::string_view file_extension(std::string_view target);

/// The target of a Markdown link `url` written in the note at `path`: `./x.md` and `../x.md`
/// are joined to the note's folder (a KB-relative path); any other path (`x.md`, `sub/x.md`,
/// `/x.md`) is kept, to be found as a wikilink's path is (in the note's folder first, else the
/// shortest path that ends with it). `%20` and friends are decoded, `.md` and
/// any `#heading` removed; a path without an extension (`x`, as Foam writes) names a note too.
/// std::nullopt for URLs that are not notes (a scheme, another extension such as `.png`, a
/// path that climbs out of the KB).
std::optional<std::string> markdown_link_target(std::string_view path, std::string_view url,
                                                std::string* heading = nullptr);

/// A Dataview inline field of a note's body.
struct InlineField {
  std::string key;    ///< as written, `**` and `_` emphasis dropped (`Status`)
  std::string value;  ///< trimmed (`[[Ana Bell]]`, `active`)
  SourceLoc loc;      ///< where the field starts: its key, or its opening bracket
};

/// Dataview inline fields of a Markdown body, in order: `key:: value` as a whole line (after
/// any quote, list marker or indentation), and `[key:: value]` or `(key:: value)` anywhere in a
/// line. Not in code spans or fenced code blocks, and not on task lines (`- [ ] ...`), whose
/// fields are the task's (TaskItem). `first_line` is the file line the body starts on.
std::vector<InlineField> find_inline_fields(const SharedPath& path, std::string_view body, int first_line);

/// Renders Markdown to HTML with cmark-gfm (tables, strikethrough, autolinks, task lists);
/// raw HTML is never passed through. Wikilinks are shown as their display text.
std::string render_markdown_html(std::string_view markdown);

/// The cmark-gfm version kb runs with (for --version).
std::string markdown_library_version();

}  // namespace kb
