#include "kb/parse/markdown.h"

#include <algorithm>
#include <cctype>
#include <csetjmp>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <new>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>
#include <fmt/format.h>

#include "char_columns.h"
#include "kb/base/text.h"

namespace kb {
namespace {

struct ParserDeleter {
  void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};
struct NodeDeleter {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};
using ParserPtr = std::unique_ptr<cmark_parser, ParserDeleter>;
using NodePtr = std::unique_ptr<cmark_node, NodeDeleter>;

void register_extensions() {
  static std::once_flag once;
  std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
}

// ---- The memory budget of one cmark-gfm parse ----
//
// cmark-gfm aborts the process when an allocation fails, and a link reference bomb (one long
// `[a]: <url>` used by thousands of `[a]`) makes it copy the URL into every link: 120 KB of
// such text took 46 s and 773 MB. So a parse allocates through Arena: it counts every byte
// asked for, and past kMaxMarkdownMemory (or when malloc fails) it longjmps back to
// parse_doc, which frees every block the parse still held. Only cmark's C frames and the
// allocator's own (which hold nothing with a destructor) lie between, so no destructor is
// skipped. Outside a parse (freeing a tree, rendering HTML) the allocator passes calls through.

struct Arena {
  std::jmp_buf on_fail;
  std::unordered_set<void*> live;  // blocks the parse holds now
  std::size_t asked = 0;           // bytes asked for in all (a realloc counts its new size)
  bool out_of_memory = false;
};
thread_local Arena* t_arena = nullptr;

[[noreturn]] void fail(Arena& a, bool out_of_memory) {
  a.out_of_memory = out_of_memory;
  std::longjmp(a.on_fail, 1);
}

// Counts `bytes` against the budget; fails the parse past it.
void charge(Arena& a, std::size_t bytes) {
  if (bytes > kMaxMarkdownMemory || (a.asked += bytes) > kMaxMarkdownMemory) fail(a, false);
}

// Records `p` as held; fails the parse (after freeing it) when even that cannot be done.
void hold(Arena& a, void* p) {
  bool ok = true;
  try {
    a.live.insert(p);
  } catch (const std::bad_alloc&) {
    ok = false;
  }
  if (!ok) {
    std::free(p);
    fail(a, true);
  }
}

void arena_free(void* p) {
  if (Arena* a = t_arena; a && p) a->live.erase(p);
  std::free(p);
}

void* arena_calloc(std::size_t n, std::size_t size) {
  Arena* a = t_arena;
  if (!a) return std::calloc(n, size);
  if (size != 0 && n > kMaxMarkdownMemory / size) fail(*a, false);
  charge(*a, n * size);
  void* p = std::calloc(n, size);
  if (!p) fail(*a, true);
  hold(*a, p);
  return p;
}

void* arena_realloc(void* old, std::size_t size) {
  Arena* a = t_arena;
  if (!a) return std::realloc(old, size);
  if (size == 0) {  // realloc(p, 0) may free p: never seen as a failure, so never freed twice
    arena_free(old);
    return nullptr;
  }
  charge(*a, size);
  void* p = std::realloc(old, size);
  if (!p) fail(*a, true);  // `old` is still held, and freed with the rest
  if (p != old) {
    if (old) a->live.erase(old);
    hold(*a, p);
  }
  return p;
}

cmark_mem kArenaMem = {arena_calloc, arena_realloc, arena_free};

enum class ParseFailure { none, over_budget, out_of_memory };

/// parse_body without its guard against running out of memory.
BodyFacts read_body(const SharedPath& path, std::string_view body, int first_line, DiagSink& diags);

/// Parses with only the extensions in `names` attached, within kMaxMarkdownMemory. On failure
/// returns nullptr and says why in `failure`.
NodePtr parse_doc(std::string_view text, std::initializer_list<const char*> names, int options,
                  ParseFailure& failure) {
  std::string defused;
  if (defuse_markdown(text, defused)) text = defused;
  register_extensions();
  Arena arena;
  cmark_node* doc = nullptr;
  t_arena = &arena;
  if (setjmp(arena.on_fail) == 0) {
    cmark_parser* parser = cmark_parser_new_with_mem(options, &kArenaMem);
    for (const char* name : names)
      if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
        cmark_parser_attach_syntax_extension(parser, ext);
    cmark_parser_feed(parser, text.data(), text.size());
    doc = cmark_parser_finish(parser);
    cmark_parser_free(parser);
    failure = ParseFailure::none;
  } else {
    doc = nullptr;
    for (void* p : arena.live) std::free(p);
    failure = arena.out_of_memory ? ParseFailure::out_of_memory : ParseFailure::over_budget;
  }
  t_arena = nullptr;
  return NodePtr(doc);
}

// The source text of a block node, its lines joined by single spaces. cmark positions are
// 1-based within the body; columns are bytes. `lines` must come from kb::split_lines, which
// ends lines where cmark does (LF, CRLF, lone CR), or a note with old-Mac or mixed endings
// would give one action the text of another.
std::string source_text(const std::vector<std::string_view>& lines, cmark_node* node) {
  int first = cmark_node_get_start_line(node), last = cmark_node_get_end_line(node);
  int col = cmark_node_get_start_column(node);
  std::string out;
  for (int l = first; l <= last && l >= 1 && l <= static_cast<int>(lines.size()); ++l) {
    std::string_view line = lines[l - 1];
    if (l == first && col >= 1 && static_cast<std::size_t>(col - 1) <= line.size())
      line.remove_prefix(col - 1);
    if (l == last && l != first) {
      int end_col = cmark_node_get_end_column(node);
      if (end_col >= 0 && static_cast<std::size_t>(end_col) < line.size()) line = line.substr(0, end_col);
    }
    line = trim(line);
    if (line.empty()) continue;
    if (!out.empty()) out += ' ';
    out += line;
  }
  return out;
}

// Whether a task item's box is checked, read from its source line: the box is what comes just
// before the item's paragraph. (cmark-gfm 0.29's tasklist looks for "[x]" anywhere on the line,
// so it would count `- [ ] [x] foo` and `- [ ] fix the [x] axis` as done.)
bool box_checked(const std::vector<std::string_view>& lines, cmark_node* para) {
  int l = cmark_node_get_start_line(para), col = cmark_node_get_start_column(para);
  if (l < 1 || l > static_cast<int>(lines.size()) || col < 1) return false;
  std::string_view line = lines[l - 1];
  std::size_t end = std::min(static_cast<std::size_t>(col - 1), line.size());
  while (end > 0 && (line[end - 1] == ' ' || line[end - 1] == '\t')) --end;
  if (end < 3 || line[end - 1] != ']' || line[end - 3] != '[') return false;
  return line[end - 2] == 'x' || line[end - 2] == 'X';
}

// Plain text of a node's inline content (what a reader sees), soft breaks as spaces.
std::string inline_text(cmark_node* node) {
  std::string out;
  cmark_iter* it = cmark_iter_new(node);
  cmark_event_type ev;
  while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    if (ev != CMARK_EVENT_ENTER) continue;
    cmark_node* cur = cmark_iter_get_node(it);
    switch (cmark_node_get_type(cur)) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE:
        out += cmark_node_get_literal(cur);
        break;
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK:
        out += ' ';
        break;
      default:
        break;
    }
  }
  cmark_iter_free(it);
  return out;
}

// A date field of a task: where it goes and the name used in messages.
enum class TaskField { due, scheduled, start, created, done_on, cancelled_on };

std::optional<Date>& slot(TaskItem& t, TaskField f) {
  switch (f) {
    case TaskField::due: return t.due;
    case TaskField::scheduled: return t.scheduled;
    case TaskField::start: return t.start;
    case TaskField::created: return t.created;
    case TaskField::done_on: return t.done_on;
    case TaskField::cancelled_on: return t.cancelled_on;
  }
  return t.due;
}

std::string_view field_noun(TaskField f) {
  switch (f) {
    case TaskField::due: return "due";
    case TaskField::scheduled: return "scheduled";
    case TaskField::start: return "start";
    case TaskField::created: return "created";
    case TaskField::done_on: return "done";
    case TaskField::cancelled_on: return "cancelled";
  }
  return "due";
}

// Obsidian Tasks' emoji signifiers (📆 and 🗓 are accepted for due, as the plugin does).
struct EmojiField {
  std::string_view emoji;
  TaskField field;
};
constexpr EmojiField kEmojiFields[] = {
    {"\xF0\x9F\x93\x85", TaskField::due},           // 📅
    {"\xF0\x9F\x93\x86", TaskField::due},           // 📆
    {"\xF0\x9F\x97\x93", TaskField::due},           // 🗓
    {"\xE2\x8F\xB3", TaskField::scheduled},         // ⏳
    {"\xE2\x8C\x9B", TaskField::scheduled},         // ⌛ (Tasks reads it as ⏳)
    {"\xF0\x9F\x9B\xAB", TaskField::start},         // 🛫
    {"\xE2\x9E\x95", TaskField::created},           // ➕
    {"\xE2\x9C\x85", TaskField::done_on},           // ✅
    {"\xE2\x9D\x8C", TaskField::cancelled_on},      // ❌
};

struct EmojiPriority {
  std::string_view emoji;
  TaskPriority priority;
};
constexpr EmojiPriority kEmojiPriorities[] = {
    {"\xF0\x9F\x94\xBA", TaskPriority::highest},  // 🔺
    {"\xE2\x8F\xAB", TaskPriority::high},         // ⏫
    {"\xF0\x9F\x94\xBC", TaskPriority::medium},   // 🔼
    {"\xF0\x9F\x94\xBD", TaskPriority::low},      // 🔽
    {"\xE2\x8F\xAC", TaskPriority::lowest},       // ⏬
};

// Dataview inline fields that the Tasks plugin's Dataview format writes.
struct DataviewField {
  std::string_view key;
  TaskField field;
};
constexpr DataviewField kDataviewFields[] = {
    {"due", TaskField::due},           {"scheduled", TaskField::scheduled},
    {"start", TaskField::start},       {"created", TaskField::created},
    {"completion", TaskField::done_on}, {"cancelled", TaskField::cancelled_on},
};

std::optional<TaskPriority> parse_priority(std::string_view text) {
  std::string t = to_lower_ascii(trim(text));
  if (t == "highest") return TaskPriority::highest;
  if (t == "high") return TaskPriority::high;
  if (t == "medium") return TaskPriority::medium;
  if (t == "low") return TaskPriority::low;
  if (t == "lowest") return TaskPriority::lowest;
  if (t == "none" || t.empty()) return TaskPriority::none;
  return std::nullopt;
}

// The first space-delimited token at `pos` (for messages about a bad date).
std::string_view token_at(std::string_view text, std::size_t pos) {
  std::size_t end = pos;
  while (end < text.size() && text[end] != ' ' && text[end] != ']' && text[end] != ')') ++end;
  return text.substr(pos, end - pos);
}

class TaskFieldReader {
 public:
  /// `source`: the item's lines as written, the first at task.loc.line (for the column of a
  /// warning).
  TaskFieldReader(TaskItem& task, DiagSink& diags, std::vector<std::string_view> source = {})
      : task_(task), diags_(diags), source_(std::move(source)) {}

  void read(std::string_view text) {
    for (const auto& e : kEmojiFields) {
      for (std::size_t pos = text.find(e.emoji); pos != std::string_view::npos;
           pos = text.find(e.emoji, pos + 1)) {
        std::size_t at = pos + e.emoji.size();
        if (text.substr(at, 3) == "\xEF\xB8\x8F") at += 3;  // variation selector-16
        while (at < text.size() && text[at] == ' ') ++at;
        set(e.field, text, at);
      }
    }
    for (const auto& p : kEmojiPriorities)
      if (text.find(p.emoji) != std::string_view::npos && task_.priority < p.priority)
        task_.priority = p.priority;
    read_dataview(text);
    // kb's own `due:YYYY-MM-DD` (not Dataview's `due::`).
    for (std::size_t pos = text.find("due:"); pos != std::string_view::npos; pos = text.find("due:", pos + 1)) {
      bool word_start = pos == 0 || text[pos - 1] == ' ';
      if (!word_start || text.substr(pos + 4, 1) == ":") continue;
      set(TaskField::due, text, pos + 4);
    }
  }

 private:
  void read_dataview(std::string_view text) {
    for (std::size_t pos = 0; pos < text.size(); ++pos) {
      char open = text[pos];
      if (open != '[' && open != '(') continue;
      std::size_t sep = text.find("::", pos + 1);
      if (sep == std::string_view::npos) return;
      std::string key = to_lower_ascii(trim(text.substr(pos + 1, sep - pos - 1)));
      if (key.empty() || key.find_first_of("[]() ") != std::string::npos) continue;
      char close = open == '[' ? ']' : ')';
      std::size_t end = text.find(close, sep + 2);
      if (end == std::string_view::npos) continue;
      std::string_view value = trim(text.substr(sep + 2, end - sep - 2));
      std::size_t value_at = text.find_first_not_of(' ', sep + 2);
      if (key == "priority") {
        if (auto p = parse_priority(value)) task_.priority = *p;
        else
          diags_.warning(where(value),
                         fmt::format("invalid priority '{}' (expected highest, high, medium, low or lowest)", value));
        continue;
      }
      for (const auto& f : kDataviewFields)
        if (key == f.key) set(f.field, text, value_at == std::string_view::npos ? end : value_at);
    }
  }

  // Reads a date at `at`; the first valid value of each field wins.
  void set(TaskField field, std::string_view text, std::size_t at) {
    auto d = parse_date(text.substr(at, 10));
    // A date is a whole token: `2024-10-150` is not `2024-10-15`.
    if (d && at + 10 < text.size() && std::isdigit(static_cast<unsigned char>(text[at + 10]))) d.reset();
    if (d) {
      if (!slot(task_, field)) slot(task_, field) = d;
      return;
    }
    std::string_view bad = token_at(text, at);
    if (bad.empty()) return;  // a bare signifier: nothing to read
    diags_.warning(where(bad), fmt::format("invalid {} date '{}' ({})", field_noun(field), bad, expected_date(bad)));
  }

  // Where `bad` is written in the item (its first place), else the item's line.
  SourceLoc where(std::string_view bad) const {
    SourceLoc at = task_.loc;
    for (std::size_t k = 0; k < source_.size(); ++k)
      if (std::size_t pos = source_[k].find(bad); pos != std::string_view::npos) {
        at.line += static_cast<int>(k);
        at.column = static_cast<int>(pos) + 1;
        break;
      }
    return at;
  }

  TaskItem& task_;
  DiagSink& diags_;
  std::vector<std::string_view> source_;
};

// Obsidian Tasks statuses that GFM's task list does not know: any one character in the box
// (`[-]` cancelled, `[/]` in progress, `[>]`, `[!]`, `[?]`, `[✓]` ...), as the Tasks plugin
// reads them. Returns the status (one UTF-8 character) and removes the marker from `text`.
std::optional<std::string> take_extra_status(std::string& text) {
  // `[ ]` too: cmark-gfm's tasklist finds no box in a block quote (`> - [ ] x`).
  if (text.size() < 3 || text[0] != '[' || text[1] == ']' || text[1] == '\t') return std::nullopt;
  const auto lead = static_cast<unsigned char>(text[1]);
  const std::size_t width = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
  const std::size_t close = 1 + width;
  if (width == 0 || close >= text.size() || text[close] != ']') return std::nullopt;
  if (close + 1 < text.size() && text[close + 1] != ' ') return std::nullopt;
  std::string status = text.substr(1, width);
  text = std::string(trim(std::string_view(text).substr(close + 1)));
  return status;
}

// `text` with each code span blanked (its length kept): Tasks fields written in code are text.
std::string without_code_spans(std::string_view text);

bool is_tag_byte(unsigned char c) {
  return std::isalnum(c) || c == '_' || c == '-' || c == '/' || c >= 0x80;
}

std::string percent_decode(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out += static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::vector<std::string> split_path(std::string_view p) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (pos <= p.size()) {
    std::size_t slash = p.find('/', pos);
    std::string_view part = p.substr(pos, slash == std::string_view::npos ? std::string_view::npos : slash - pos);
    if (!part.empty()) out.emplace_back(part);
    if (slash == std::string_view::npos) break;
    pos = slash + 1;
  }
  return out;
}

void add_tag(BodyFacts& facts, std::string tag) {
  std::string key = fold(tag);
  for (const auto& t : facts.tags)
    if (fold(t) == key) return;
  facts.tags.push_back(std::move(tag));
}

std::string heading_key(cmark_node* heading) { return fold(trim(inline_text(heading))); }

// LF, CRLF and a lone CR each end a line, as in CommonMark.
int count_line_ends(std::string_view text) {
  int n = 0;
  for (std::size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'))) ++n;
  return n;
}

bool is_markup_byte(char c) {
  switch (c) {
    case '[': case ']': case '*': case '_': case '`': case '<': case '>': case '!': case '\\':
    case '&': case '-': case '+': case '\n': case '\r':
      return true;
    default:
      return false;
  }
}

}  // namespace

std::size_t markdown_budget_end(std::string_view markdown) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < markdown.size(); ++i) {
    if (!is_markup_byte(markdown[i]) || ++count <= kMaxMarkupBytes) continue;
    // Over budget at i: stop at the end of the last line that starts before it.
    std::size_t nl = markdown.find_last_of("\r\n", i == 0 ? 0 : i - 1);
    if (nl == std::string_view::npos || i == 0) return 0;
    return nl + 1;
  }
  return markdown.size();
}

bool defuse_markdown(std::string_view markdown, std::string& out) {
  auto count = [](std::string_view s) {
    std::size_t n = 0;
    for (std::size_t p = s.find("!["); p != std::string_view::npos; p = s.find("![", p + 2)) ++n;
    return n;
  };
  if (count(markdown) <= kMaxImageOpeners) return false;
  // Runs of non-blank lines: a paragraph, a list or a quote whose inlines cmark parses
  // together (a run may hold several blocks; counting them together only errs on the safe side).
  std::string result;
  result.reserve(markdown.size() + markdown.size() / 8);
  bool changed = false;
  std::size_t pos = 0;
  while (pos < markdown.size()) {
    std::size_t end = pos;
    for (;;) {  // extend the run line by line up to (and including) a blank line
      std::size_t nl = markdown.find('\n', end);
      std::size_t line_end = nl == std::string_view::npos ? markdown.size() : nl + 1;
      bool blank = trim(markdown.substr(end, line_end - end)).empty();
      end = line_end;
      if (blank || end >= markdown.size()) break;
    }
    std::string_view run = markdown.substr(pos, end - pos);
    if (count(run) > kMaxImageOpeners) {
      changed = true;
      std::size_t backslashes = 0;  // just before run[i]; an odd count escapes it already
      for (std::size_t i = 0; i < run.size(); ++i) {
        if (run[i] == '!' && i + 1 < run.size() && run[i + 1] == '[' && backslashes % 2 == 0) result += '\\';
        backslashes = run[i] == '\\' ? backslashes + 1 : 0;
        result += run[i];
      }
    } else {
      result.append(run);
    }
    pos = end;
  }
  if (changed) out = std::move(result);
  return changed;
}

namespace {

// A run of adjacent text nodes as read_body scans it for links and tags: its text, where the
// source escaped a character with a backslash (`\[`, `\#`: text, not markup), and where
// each node's text came from, for exact columns. Most runs have no escape: nothing is kept
// per byte.
struct TextRun {
  struct Node {
    std::size_t from;  ///< where its text starts in `text`
    int column;        ///< its source column; 0 when its text and source do not line up
  };
  std::string text;
  std::vector<Node> nodes;
  std::vector<std::size_t> escaped;  ///< offsets in `text`, ascending

  bool is_escaped(std::size_t at) const { return std::binary_search(escaped.begin(), escaped.end(), at); }
  /// The source column of the byte at `at`, or 0 when unknown.
  int column_of(std::size_t at) const {
    auto node = std::upper_bound(nodes.begin(), nodes.end(), at, [](std::size_t a, const Node& n) { return a < n.from; });
    if (node == nodes.begin() || (--node)->column == 0) return 0;
    const auto first = std::lower_bound(escaped.begin(), escaped.end(), node->from);
    const auto before = std::lower_bound(first, escaped.end(), at) - first;  // each took a backslash
    return node->column + static_cast<int>(at - node->from + static_cast<std::size_t>(before));
  }
};

// The source of an inline node, when it lies on one line of `lines` (else empty).
std::string_view node_source(const std::vector<std::string_view>& lines, cmark_node* n) {
  const int line = cmark_node_get_start_line(n), col = cmark_node_get_start_column(n);
  const int end = cmark_node_get_end_column(n);
  if (line < 1 || line != cmark_node_get_end_line(n) || line > static_cast<int>(lines.size()) || col < 1 ||
      end < col || static_cast<std::size_t>(col - 1) >= lines[line - 1].size())
    return {};
  return lines[line - 1].substr(col - 1, end - col + 1);
}

// Appends `lit`, a text node's literal, to `run`, lined up with the node's source `src` (which
// starts at column `col`): a backslash before ASCII punctuation escapes it (CommonMark). Where
// they do not line up (an entity such as `&amp;`), the node's text counts as unescaped, with
// no column.
void append_text(TextRun& run, std::string_view lit, std::string_view src, int col) {
  const std::size_t from = run.text.size(), escapes_before = run.escaped.size();
  run.text += lit;
  run.nodes.push_back({from, 0});
  std::size_t i = 0;
  for (std::size_t j = 0; j < lit.size(); ++j, ++i) {
    const bool escape = i + 1 < src.size() && src[i] == '\\' && src[i + 1] == lit[j] &&
                        std::ispunct(static_cast<unsigned char>(lit[j]));
    if (escape) {
      run.escaped.push_back(from + j);
      ++i;
    } else if (i >= src.size() || src[i] != lit[j]) {
      run.escaped.resize(escapes_before);
      return;
    }
  }
  run.nodes.back().column = col;
}

// Reads into `run` (its memory reused from run to run) the run of text nodes that starts at
// `first` (cmark-gfm splits text at brackets, `!`, `_` and other inline markers; links and
// tags are read from the whole run).
void read_run(cmark_node* first, const std::vector<std::string_view>& lines, TextRun& run) {
  run.text.clear();
  run.nodes.clear();
  run.escaped.clear();
  for (cmark_node* n = first; n && cmark_node_get_type(n) == CMARK_NODE_TEXT; n = cmark_node_next(n)) {
    const char* lit = cmark_node_get_literal(n);
    append_text(run, lit ? lit : "", node_source(lines, n), cmark_node_get_start_column(n));
  }
}

void scan_wikilinks(std::string_view text, const TextRun* run, const SourceLoc& loc, std::vector<WikiLink>& out);
std::vector<std::string> scan_tags(std::string_view text, const TextRun* run);

}  // namespace

std::vector<WikiLink> find_wikilinks(std::string_view text, const SourceLoc& loc) {
  std::vector<WikiLink> out;
  find_wikilinks(text, loc, out);
  return out;
}

void find_wikilinks(std::string_view text, const SourceLoc& loc, std::vector<WikiLink>& out) {
  scan_wikilinks(text, nullptr, loc, out);
}

namespace {

void scan_wikilinks(std::string_view text, const TextRun* run, const SourceLoc& loc, std::vector<WikiLink>& out) {
  std::size_t pos = 0;
  while ((pos = text.find("[[", pos)) != std::string_view::npos) {
    if (run && (run->is_escaped(pos) || run->is_escaped(pos + 1))) {  // `\[\[x]]`, `\[[x]]`: text, not a link
      ++pos;
      continue;
    }
    std::size_t close = text.find("]]", pos + 2);
    if (close == std::string_view::npos) break;
    std::string_view inner = text.substr(pos + 2, close - pos - 2);
    if (std::size_t last = inner.rfind('['); last != std::string_view::npos) {
      // "[[[x]]": the link opens at the last "[[" before the close, so start again just before
      // the last '[' (one step at a time was quadratic: 800 KB of "[[" then "]]" took 13 s).
      pos += 2 + last - 1;
      continue;
    }
    WikiLink link;
    std::size_t bar = inner.find('|');
    std::string_view target = inner.substr(0, bar);
    if (bar != std::string_view::npos) link.display = std::string(trim(inner.substr(bar + 1)));
    std::size_t hash = target.find('#');
    if (hash != std::string_view::npos) {
      std::string_view after = trim(target.substr(hash + 1));
      if (!after.empty() && after[0] == '^') link.block = std::string(after.substr(1));
      else link.heading = std::string(after);
      target = target.substr(0, hash);
    }
    link.target = std::string(trim(target));
    link.embed = pos > 0 && text[pos - 1] == '!';
    link.loc = loc;
    std::size_t at = link.embed ? pos - 1 : pos;
    if (const int col = run ? run->column_of(at) : 0; col > 0) link.loc.column = col;
    else if (loc.column > 0) link.loc.column = loc.column + static_cast<int>(at);
    if (!link.target.empty()) out.push_back(std::move(link));
    pos = close + 2;
  }
}

}  // namespace

bool may_hold_tags(std::string_view body) {
  if (body.find('&') != std::string_view::npos) return true;
  for (std::size_t pos = body.find('#'); pos != std::string_view::npos; pos = body.find('#', pos + 1))
    if (pos + 1 < body.size() && is_tag_byte(static_cast<unsigned char>(body[pos + 1]))) return true;
  return false;
}


namespace {

std::vector<std::string> scan_tags(std::string_view text, const TextRun* run) {
  std::vector<std::string> out;
  for (std::size_t pos = text.find('#'); pos != std::string_view::npos; pos = text.find('#', pos + 1)) {
    if (pos > 0 && !std::isspace(static_cast<unsigned char>(text[pos - 1]))) continue;
    if (run && run->is_escaped(pos)) continue;  // `\#tag` is text
    std::size_t end = pos + 1;
    while (end < text.size() && is_tag_byte(static_cast<unsigned char>(text[end]))) ++end;
    std::string_view tag = text.substr(pos + 1, end - pos - 1);
    while (!tag.empty() && (tag.back() == '/' || tag.back() == '-')) tag.remove_suffix(1);
    bool digits_only = std::all_of(tag.begin(), tag.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)) || c == '/'; });
    if (!tag.empty() && !digits_only) out.emplace_back(tag);
  }
  return out;
}

}  // namespace

std::string_view file_extension(std::string_view target) {
  const std::size_t slash = target.rfind('/');
  const std::string_view name = slash == std::string_view::npos ? target : target.substr(slash + 1);
  const std::size_t dot = name.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 1 == name.size() || name.size() - dot - 1 > 10)
    return {};
  const std::string_view ext = name.substr(dot + 1);
  bool letter = false;
  for (char c : ext) {
    if (!std::isalnum(static_cast<unsigned char>(c))) return {};
    letter = letter || std::isalpha(static_cast<unsigned char>(c));
  }
  return letter ? ext : std::string_view();
}

std::optional<std::string> markdown_link_target(std::string_view path, std::string_view url,
                                                std::string* heading) {
  url = trim(url);
  if (url.empty() || url[0] == '#') return std::nullopt;
  std::size_t colon = url.find(':');
  if (colon != std::string_view::npos && url.find('/') > colon) return std::nullopt;  // a scheme
  std::string_view frag;
  if (std::size_t hash = url.find('#'); hash != std::string_view::npos) {
    frag = url.substr(hash + 1);
    url = url.substr(0, hash);
  }
  std::string decoded = percent_decode(url);
  // A note is `x.md`, or `x` without an extension as Foam writes it; `x.png`, `x.pdf` are files.
  const std::string_view ext = file_extension(decoded);
  if (!ext.empty() && to_lower_ascii(ext) != "md") return std::nullopt;
  if (!ext.empty()) decoded.resize(decoded.size() - 3);
  if (decoded.empty() || decoded.back() == '/') return std::nullopt;
  std::vector<std::string> parts;
  bool relative = decoded.rfind("./", 0) == 0 || decoded.rfind("../", 0) == 0;
  if (relative) {
    std::string_view dir = path.substr(0, path.rfind('/') == std::string_view::npos ? 0 : path.rfind('/'));
    for (auto& p : split_path(dir)) parts.push_back(std::move(p));
  }
  for (auto& p : split_path(decoded)) {
    if (p == ".") continue;
    if (p == "..") {
      if (parts.empty()) return std::nullopt;
      parts.pop_back();
      continue;
    }
    parts.push_back(std::move(p));
  }
  if (parts.empty()) return std::nullopt;
  std::string target;
  for (const auto& p : parts) target += (target.empty() ? "" : "/") + p;
  if (heading) *heading = percent_decode(frag);
  return target;
}

std::string_view to_string(TaskPriority p) {
  switch (p) {
    case TaskPriority::highest: return "highest";
    case TaskPriority::high: return "high";
    case TaskPriority::medium: return "medium";
    case TaskPriority::low: return "low";
    case TaskPriority::lowest: return "lowest";
    case TaskPriority::none: break;
  }
  return "";
}

std::string without_generated(std::string_view body) {
  std::string out(body);
  if (body.find(kGeneratedOpen) == std::string_view::npos) return out;  // most notes: no scan
  std::size_t open = std::string_view::npos;  // where the open section's first line starts
  std::size_t at = 0;
  while (at < out.size()) {
    std::size_t end = out.find('\n', at);
    if (end == std::string::npos) end = out.size();
    const std::string_view line = trim(std::string_view(out).substr(at, end - at));
    if (open == std::string_view::npos && line == kGeneratedOpen) open = at;
    else if (open != std::string_view::npos && line == kGeneratedClose) {
      for (std::size_t i = open; i < end; ++i)
        if (out[i] != '\n') out[i] = ' ';
      open = std::string_view::npos;
    }
    at = end + 1;
  }
  return out;
}

BodyFacts parse_body(const SharedPath& path, std::string_view body, int first_line,
                     DiagSink& diags) {
  // Memory runs out: the note loads without its body's facts, and kb goes on (an exception
  // from a loading thread would end the process).
  try {
    std::string kept;
    if (body.find(kGeneratedOpen) != std::string_view::npos) body = kept = without_generated(body);
    if (!CharColumns::needed(body)) return read_body(path, body, first_line, diags);
    // Columns in characters: the facts' locations and the warnings, counted again.
    DiagSink found;
    BodyFacts facts = read_body(path, body, first_line, found);
    const CharColumns cols(body, first_line);
    auto fix_links = [&](std::vector<WikiLink>& links) {
      for (auto& l : links) cols.fix(l.loc);
    };
    fix_links(facts.links);
    for (auto& t : facts.tasks) {
      cols.fix(t.loc);
      fix_links(t.links);
    }
    for (auto& d : facts.decisions) {
      cols.fix(d.loc);
      fix_links(d.links);
    }
    cols.forward(found, diags);
    return facts;
  } catch (const std::bad_alloc&) {
    diags.error({path, first_line, 1}, "out of memory while reading the Markdown body; its links, tasks and tags are left out");
    return {};
  }
}

namespace {

bool first_of_run(cmark_node* text) {
  cmark_node* prev = cmark_node_previous(text);
  return !prev || cmark_node_get_type(prev) != CMARK_NODE_TEXT;
}

// `[[name]]` where a link reference definition `[name]: path` exists (Foam writes one for each
// wikilink): cmark reads the inner `[name]` as a link. It is the wikilink, as Foam reads it:
// a link to the definition's note, its path taken as a Markdown link's (from the linking
// note's folder); a definition that names no note (a web page, a picture) leaves the name.
std::optional<WikiLink> reference_wikilink(cmark_node* link, const std::vector<std::string_view>& lines,
                                           SourceLoc loc) {
  const std::string_view src = node_source(lines, link);
  const int col = cmark_node_get_start_column(link), end = cmark_node_get_end_column(link);
  if (src.size() < 3 || src.front() != '[' || src.back() != ']' || src.find("](") != std::string_view::npos ||
      col < 2)
    return std::nullopt;
  const std::string_view line = lines[cmark_node_get_start_line(link) - 1];
  if (line[col - 2] != '[' || static_cast<std::size_t>(end) >= line.size() || line[end] != ']')
    return std::nullopt;
  loc.column = col - 1;
  std::vector<WikiLink> found;
  scan_wikilinks("[" + std::string(src) + "]", nullptr, loc, found);
  if (found.empty()) return std::nullopt;
  WikiLink& w = found.front();
  const char* url = cmark_node_get_url(link);
  std::string heading;
  if (auto target = markdown_link_target(loc.path.str(), url ? url : "", &heading)) {
    w.target = std::move(*target);
    w.markdown = true;
  }
  return std::move(w);
}

// The [[links]] in the text of `block` (an action's or a decision's paragraph), read as the
// body's are: not in code spans, not escaped.
template <typename LocOf>
std::vector<WikiLink> links_in(cmark_node* block, const std::vector<std::string_view>& lines, const LocOf& loc_of) {
  std::vector<WikiLink> out;
  TextRun run;
  cmark_iter* it = cmark_iter_new(block);
  for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
    cmark_node* node = cmark_iter_get_node(it);
    if (ev != CMARK_EVENT_ENTER) continue;
    if (cmark_node_get_type(node) == CMARK_NODE_LINK) {
      if (auto link = reference_wikilink(node, lines, loc_of(node))) out.push_back(std::move(*link));
      continue;
    }
    if (cmark_node_get_type(node) != CMARK_NODE_TEXT || !first_of_run(node)) continue;
    read_run(node, lines, run);
    scan_wikilinks(run.text, &run, loc_of(node), out);
  }
  cmark_iter_free(it);
  return out;
}

// A paragraph of Dataview `key:: value` lines only (a note's fields, not its summary).
bool holds_only_fields(const std::vector<std::string_view>& lines, cmark_node* para) {
  const int first = cmark_node_get_start_line(para), last = cmark_node_get_end_line(para);
  if (first < 1 || last > static_cast<int>(lines.size())) return false;
  const std::string text(lines[first - 1].data(), lines[last - 1].data() + lines[last - 1].size());
  return static_cast<int>(find_inline_fields(SharedPath(), text, first).size()) == last - first + 1 &&
         std::all_of(lines.begin() + first - 1, lines.begin() + last,
                     [](std::string_view l) { return l.find("::") != std::string_view::npos; });
}

BodyFacts read_body(const SharedPath& path, std::string_view body, int first_line, DiagSink& diags) {
  BodyFacts facts;
  if (std::size_t end = markdown_budget_end(body); end < body.size()) {
    // Past the budget cmark-gfm would take seconds and hundreds of MB (5 us and 220 bytes a
    // markup byte, measured): the body is read up to the line the budget ends on.
    diags.warning({path, first_line + count_line_ends(body.substr(0, end)), 1},
                  fmt::format("Markdown body has more than {} markup characters; the rest of it is not read (split "
                              "the note)",
                              kMaxMarkupBytes));
    body = body.substr(0, end);
  }
  ParseFailure failure = ParseFailure::none;
  NodePtr doc = parse_doc(body, {"tasklist"}, CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES, failure);  // `[^1]` is a footnote, as in Obsidian
  if (!doc) {
    SourceLoc at{path, first_line, 1};
    if (failure == ParseFailure::out_of_memory)
      diags.error(at, "out of memory while reading the Markdown body; its links, tasks and tags are left out");
    else
      diags.warning(at, fmt::format("Markdown body needs more than {} MiB to parse (check for a link reference used "
                                    "many times); its links, tasks and tags are left out",
                                    kMaxMarkdownMemory >> 20));
    return facts;
  }
  auto lines = split_lines(body);
  auto loc_of = [&](cmark_node* n) {
    return SourceLoc{path, cmark_node_get_start_line(n) + first_line - 1,
                     cmark_node_get_start_column(n)};
  };

  std::string section;       // folded text of the current level-1/2 heading
  bool in_summary = false;
  std::string first_paragraph;
  TextRun run;  // the text of a run of text nodes
  cmark_iter* it = cmark_iter_new(doc.get());
  cmark_event_type ev;
  while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    if (ev != CMARK_EVENT_ENTER) continue;
    cmark_node* node = cmark_iter_get_node(it);
    cmark_node_type type = cmark_node_get_type(node);
    if (type == CMARK_NODE_HEADING) {
      section = heading_key(node);
      in_summary = section == "summary";
      continue;
    }
    if (type == CMARK_NODE_TEXT) {
      // Links and tags are read from the whole run of adjacent text nodes, located where its
      // first node starts (what cmark_consolidate_text_nodes would give, without rebuilding the
      // tree); code spans and blocks are other nodes, so never read.
      if (first_of_run(node)) {
        read_run(node, lines, run);
        scan_wikilinks(run.text, &run, loc_of(node), facts.links);
        for (auto& tag : scan_tags(run.text, &run)) add_tag(facts, std::move(tag));
      }
      continue;
    }
    if (type == CMARK_NODE_LINK) {
      if (auto wiki = reference_wikilink(node, lines, loc_of(node))) {
        facts.links.push_back(std::move(*wiki));
        continue;
      }
      const char* url = cmark_node_get_url(node);
      WikiLink link;
      if (auto target = markdown_link_target(path.str(), url ? url : "", &link.heading)) {
        link.target = *target;
        if (!link.heading.empty() && link.heading[0] == '^') link.block = link.heading.substr(1), link.heading.clear();
        link.display = std::string(trim(inline_text(node)));
        link.markdown = true;
        link.loc = loc_of(node);
        facts.links.push_back(std::move(link));
      }
      continue;
    }
    if (type == CMARK_NODE_PARAGRAPH) {
      cmark_node* parent = cmark_node_parent(node);
      bool top_level = parent && cmark_node_get_type(parent) == CMARK_NODE_DOCUMENT;
      if (top_level && ((in_summary && facts.summary.empty()) || first_paragraph.empty()) &&
          !holds_only_fields(lines, node)) {
        std::string text = std::string(trim(inline_text(node)));
        if (in_summary && facts.summary.empty()) facts.summary = text;
        if (first_paragraph.empty()) first_paragraph = text;
      }
      continue;
    }
    if (type == CMARK_NODE_ITEM) {
      cmark_node* para = cmark_node_first_child(node);
      bool has_para = para && cmark_node_get_type(para) == CMARK_NODE_PARAGRAPH;
      bool is_task = std::string_view(cmark_node_get_type_string(node)) == "tasklist";
      std::string text = has_para ? source_text(lines, para) : std::string();
      std::optional<std::string> extra = is_task ? std::nullopt : take_extra_status(text);
      if (is_task || extra) {
        TaskItem task;
        task.loc = loc_of(node);
        task.loc.column = 0;
        task.done = is_task && (has_para ? box_checked(lines, para)
                                         : cmark_gfm_extensions_get_tasklist_item_checked(node));
        task.done = task.done || extra == "x" || extra == "X";
        task.cancelled = extra == "-";
        task.text = std::move(text);
        if (has_para) task.links = links_in(para, lines, loc_of);
        std::vector<std::string_view> source;
        for (int l = cmark_node_get_start_line(node); has_para && l <= cmark_node_get_end_line(para); ++l)
          if (l >= 1 && l <= static_cast<int>(lines.size())) source.push_back(lines[l - 1]);
        TaskFieldReader(task, diags, std::move(source)).read(without_code_spans(task.text));
        facts.tasks.push_back(std::move(task));
      } else if (section == "decisions" && para && cmark_node_get_type(para) == CMARK_NODE_PARAGRAPH) {
        // Only the items of lists placed directly under the heading are decisions.
        cmark_node* list = cmark_node_parent(node);
        cmark_node* holder = list ? cmark_node_parent(list) : nullptr;
        if (holder && cmark_node_get_type(holder) == CMARK_NODE_DOCUMENT) {
          Decision d;
          d.text = source_text(lines, para);
          d.loc = loc_of(node);
          d.links = links_in(para, lines, loc_of);
          facts.decisions.push_back(std::move(d));
        }
      }
    }
  }
  cmark_iter_free(it);
  if (facts.summary.empty()) facts.summary = first_paragraph;
  return facts;
}

}  // namespace

std::string_view link_target(std::string_view text) {
  std::string_view t = trim(text);
  if (t.size() >= 4 && t.substr(0, 2) == "[[" && t.substr(t.size() - 2) == "]]") {
    t = t.substr(2, t.size() - 4);
    t = t.substr(0, std::min(t.find('|'), t.find('#')));
  }
  return trim(t);
}

namespace {

std::size_t backslashes_before(std::string_view text, std::size_t at) {
  std::size_t n = 0;
  while (n < at && text[at - 1 - n] == '\\') ++n;
  return n;
}

// The code spans of Markdown source text, [begin, end) with their backticks: a run of N
// backticks (not escaped) up to the next run of exactly N. Linear: each run's closer is found
// from a table of the next run of each length (many unmatched runs must not cost n^2).
std::vector<std::pair<std::size_t, std::size_t>> code_spans(std::string_view text) {
  struct Run {
    std::size_t begin, end;
  };
  std::vector<Run> runs;
  for (std::size_t at = text.find('`'); at != std::string_view::npos; at = text.find('`', runs.back().end))
    runs.push_back({at, std::min(text.find_first_not_of('`', at), text.size())});
  std::vector<std::size_t> next_same(runs.size(), runs.size());
  std::unordered_map<std::size_t, std::size_t> later;  // run length -> the nearest run after
  for (std::size_t i = runs.size(); i-- > 0;) {
    const std::size_t length = runs[i].end - runs[i].begin;
    if (auto it = later.find(length); it != later.end()) next_same[i] = it->second;
    later[length] = i;
  }
  std::vector<std::pair<std::size_t, std::size_t>> spans;
  for (std::size_t i = 0; i < runs.size(); ++i) {
    if (backslashes_before(text, runs[i].begin) % 2 == 1 || next_same[i] == runs.size()) continue;
    spans.emplace_back(runs[i].begin, runs[next_same[i]].end);
    i = next_same[i];
  }
  return spans;
}

bool in_code_span(std::string_view text, std::size_t at) {
  if (text.find('`') == std::string_view::npos) return false;
  for (const auto& [begin, end] : code_spans(text))
    if (begin <= at && at < end) return true;
  return false;
}

std::string without_code_spans(std::string_view text) {
  std::string out(text);
  for (const auto& [begin, end] : code_spans(text)) std::fill(out.begin() + begin, out.begin() + end, ' ');
  return out;
}

}  // namespace

std::string unlink_text(std::string_view text) {
  if (text.find("[[") == std::string_view::npos) return std::string(text);
  std::string out;
  std::size_t pos = 0;
  const auto spans = code_spans(text);
  auto span = spans.begin();
  while (pos < text.size()) {
    std::size_t open = text.find("[[", pos);
    std::size_t close = open == std::string_view::npos ? open : text.find("]]", open + 2);
    if (open == std::string_view::npos || close == std::string_view::npos) {
      out.append(text.substr(pos));
      break;
    }
    while (span != spans.end() && span->second <= open) ++span;
    if (span != spans.end() && span->first <= open) {  // `[[x]]` in code is shown as written
      out.append(text.substr(pos, span->second - pos));
      pos = span->second;
      continue;
    }
    // `\[[x]]` (source text) is the text [[x]], not a link.
    if (backslashes_before(text, open) % 2 == 1) {
      out.append(text.substr(pos, open + 2 - pos));
      pos = open + 2;
      continue;
    }
    // ![[embed]] reads as its name too.
    const std::size_t keep_to = open > pos && text[open - 1] == '!' ? open - 1 : open;
    out.append(text.substr(pos, keep_to - pos));
    std::string_view inner = text.substr(open + 2, close - open - 2);
    std::size_t bar = inner.find('|');
    std::string_view shown = bar == std::string_view::npos ? inner : inner.substr(bar + 1);
    if (bar == std::string_view::npos) shown = shown.substr(0, shown.find('#'));
    out.append(trim(shown));
    pos = close + 2;
  }
  return out;
}

namespace {

// The Tasks and Dataview signifiers that plain_text() removes with their values.
constexpr std::string_view kDateSignifiers[] = {
    "\xF0\x9F\x93\x85", "\xF0\x9F\x93\x86", "\xF0\x9F\x97\x93", "\xE2\x8F\xB3", "\xE2\x8C\x9B",
    "\xF0\x9F\x9B\xAB", "\xE2\x9E\x95",     "\xE2\x9C\x85",     "\xE2\x9D\x8C"};
constexpr std::string_view kPrioritySignifiers[] = {"\xF0\x9F\x94\xBA", "\xE2\x8F\xAB", "\xF0\x9F\x94\xBC",
                                                    "\xF0\x9F\x94\xBD", "\xE2\x8F\xAC"};

}  // namespace

std::string plain_text(std::string_view text) {
  std::string s(text);
  auto erase_dated = [&](std::string_view marker) {
    for (std::size_t pos = s.find(marker); pos != std::string::npos; pos = s.find(marker, pos)) {
      if (in_code_span(s, pos)) {  // a field written in code is text, shown as written
        ++pos;
        continue;
      }
      std::size_t end = pos + marker.size();
      if (s.compare(end, 3, "\xEF\xB8\x8F") == 0) end += 3;
      while (end < s.size() && s[end] == ' ') ++end;
      if (parse_date(std::string_view(s).substr(end, 10))) end += 10;
      s.erase(pos, end - pos);
    }
  };
  // Every signifier starts with one of two bytes, every inline field has "::": most texts
  // have neither, and are not scanned for each.
  if (s.find('\xE2') != std::string::npos || s.find('\xF0') != std::string::npos) {
    for (auto m : kDateSignifiers) erase_dated(m);
    for (auto m : kPrioritySignifiers) erase_dated(m);
  }
  // Dataview inline fields: [key:: value] and (key:: value).
  const bool fields = s.find("::") != std::string::npos;
  for (std::size_t pos = 0; fields && pos < s.size(); ++pos) {
    if (s[pos] != '[' && s[pos] != '(') continue;
    std::size_t sep = s.find("::", pos);
    std::size_t close = s.find(s[pos] == '[' ? ']' : ')', pos);
    if (sep == std::string::npos || close == std::string::npos || close < sep) continue;
    std::string_view key = trim(std::string_view(s).substr(pos + 1, sep - pos - 1));
    if (key.empty() || key.find_first_of("[]() ") != std::string_view::npos) continue;
    s.erase(pos, close - pos + 1);
    --pos;
  }
  for (std::size_t pos = s.find("due:"); pos != std::string::npos; pos = s.find("due:", pos + 1))
    if ((pos == 0 || s[pos - 1] == ' ') && parse_date(std::string_view(s).substr(pos + 4, 10))) s.erase(pos, 14);
  // A trailing block id (` ^id`) names the line for links; it is not its text.
  if (std::size_t caret = s.rfind(" ^"); caret != std::string::npos && caret + 2 < s.size() &&
      std::all_of(s.begin() + caret + 2, s.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-'; }))
    s.resize(caret);
  std::string out = s.find("[[") == std::string::npos ? std::move(s) : unlink_text(s);
  // One space between words, in place.
  std::size_t kept = 0;
  for (char c : out) {
    if (c == ' ' && (kept == 0 || out[kept - 1] == ' ')) continue;
    out[kept++] = c;
  }
  while (kept > 0 && out[kept - 1] == ' ') --kept;
  out.resize(kept);
  return out;
}

namespace {

// A Dataview key: not empty, no brackets, backticks or line breaks; emphasis dropped.
std::optional<std::string> inline_key(std::string_view raw) {
  std::string key;
  for (char c : trim(raw))
    if (c != '*' && c != '_') key += c;
  key = std::string(trim(key));
  if (key.empty() || key.size() > 100 || key.find_first_of("[]()`#>|:\r\n") != std::string::npos) return std::nullopt;
  return key;
}

// `[key:: value]` and `(key:: value)` in `line` (code spans blanked).
void bracketed_fields(std::string_view line, SourceLoc loc, std::vector<InlineField>& out) {
  for (std::size_t pos = 0; pos < line.size(); ++pos) {
    const char open = line[pos];
    if (open != '[' && open != '(') continue;
    const std::size_t sep = line.find("::", pos + 1);
    const std::size_t close = line.find(open == '[' ? ']' : ')', pos + 1);
    if (sep == std::string_view::npos || close == std::string_view::npos || close < sep) continue;
    auto key = inline_key(line.substr(pos + 1, sep - pos - 1));
    if (!key || (open == '[' && pos > 0 && line[pos - 1] == '[')) continue;
    loc.column = static_cast<int>(pos) + 1;
    out.push_back({std::move(*key), std::string(trim(line.substr(sep + 2, close - sep - 2))), loc});
    pos = close;
  }
}

// The start of a line's text after indentation, quote markers and a list marker; npos when
// the line is a task item (its fields are the task's).
std::size_t line_text_start(std::string_view line) {
  std::size_t i = line.find_first_not_of(" \t>");
  if (i == std::string_view::npos) return line.size();
  std::size_t marker = i;
  while (marker < line.size() && std::isdigit(static_cast<unsigned char>(line[marker]))) ++marker;
  const bool ordered = marker > i && marker < line.size() && (line[marker] == '.' || line[marker] == ')');
  const bool bullet = line[i] == '-' || line[i] == '*' || line[i] == '+';
  if ((bullet || ordered) && (ordered ? marker + 1 : i + 1) < line.size() && line[ordered ? marker + 1 : i + 1] == ' ') {
    i = line.find_first_not_of(' ', ordered ? marker + 1 : i + 1);
    if (i == std::string_view::npos) return line.size();
    if (i + 2 < line.size() && line[i] == '[' && line[i + 2] == ']') return std::string_view::npos;
  }
  return i;
}

// A fence line (``` or ~~~, three or more) opens or closes a fenced code block.
bool is_fence(std::string_view line) {
  const std::string_view t = trim(line);
  return t.size() >= 3 && (t.substr(0, 3) == "```" || t.substr(0, 3) == "~~~");
}

}  // namespace

std::vector<InlineField> find_inline_fields(const SharedPath& path, std::string_view body, int first_line) {
  std::vector<InlineField> out;
  if (body.find("::") == std::string_view::npos) return out;
  const auto lines = split_lines(body);
  bool in_fence = false;
  for (std::size_t n = 0; n < lines.size(); ++n) {
    if (is_fence(lines[n])) in_fence = !in_fence;
    if (in_fence || lines[n].find("::") == std::string_view::npos) continue;
    const std::string line = without_code_spans(lines[n]);
    const std::size_t start = line_text_start(line);
    if (start == std::string_view::npos) continue;
    const SourceLoc loc{path, first_line + static_cast<int>(n), 0};
    const std::size_t sep = line.find("::", start);
    if (auto key = inline_key(std::string_view(line).substr(start, sep - start)); key && sep != std::string::npos) {
      out.push_back({std::move(*key), std::string(trim(std::string_view(line).substr(sep + 2))), loc});
      out.back().loc.column = static_cast<int>(start) + 1;
      continue;
    }
    bracketed_fields(line, loc, out);
  }
  return out;
}

std::string render_markdown_html(std::string_view markdown) {
  std::string text = unlink_text(markdown);  // wikilinks read as their shown text
  text.resize(markdown_budget_end(text));
  ParseFailure failure = ParseFailure::none;
  NodePtr doc = parse_doc(text, {"table", "strikethrough", "autolink", "tasklist"}, CMARK_OPT_DEFAULT, failure);
  if (!doc) return {};
  cmark_llist* exts = nullptr;
  cmark_mem* mem = cmark_get_default_mem_allocator();
  for (const char* name : {"table", "strikethrough", "autolink", "tasklist"})
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
      exts = cmark_llist_append(mem, exts, ext);
  char* html = cmark_render_html(doc.get(), CMARK_OPT_DEFAULT, exts);
  cmark_llist_free(mem, exts);
  std::string out = html ? html : "";
  free(html);
  return out;
}

std::string markdown_library_version() { return cmark_version_string(); }

}  // namespace kb
