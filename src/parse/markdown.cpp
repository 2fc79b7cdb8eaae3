#include "kb/parse/markdown.h"

#include <memory>
#include <mutex>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

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

/// Parses with only the extensions in `names` attached.
NodePtr parse_doc(std::string_view text, std::initializer_list<const char*> names, int options) {
  register_extensions();
  ParserPtr parser(cmark_parser_new(options));
  for (const char* name : names)
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
      cmark_parser_attach_syntax_extension(parser.get(), ext);
  cmark_parser_feed(parser.get(), text.data(), text.size());
  return NodePtr(cmark_parser_finish(parser.get()));
}

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t nl = text.find('\n', pos);
    std::size_t end = nl == std::string_view::npos ? text.size() : nl;
    std::string_view line = text.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
  }
  return lines;
}

// The source text of a block node, its lines joined by single spaces. cmark positions are
// 1-based within the body; columns are bytes.
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

std::optional<Date> date_after(std::string_view text, std::string_view marker, bool allow_space) {
  std::size_t pos = text.find(marker);
  while (pos != std::string_view::npos) {
    std::size_t start = pos + marker.size();
    if (allow_space)
      while (start < text.size() && text[start] == ' ') ++start;
    if (auto d = parse_date(text.substr(start, 10))) return d;
    pos = text.find(marker, pos + 1);
  }
  return std::nullopt;
}

bool has_bad_date_after(std::string_view text, std::string_view marker, bool allow_space,
                        std::string* found) {
  std::size_t pos = text.find(marker);
  if (pos == std::string_view::npos) return false;
  std::size_t start = pos + marker.size();
  if (allow_space)
    while (start < text.size() && text[start] == ' ') ++start;
  std::size_t end = start;
  while (end < text.size() && text[end] != ' ') ++end;
  std::string_view token = text.substr(start, end - start);
  if (token.empty() || parse_date(token.substr(0, 10))) return false;
  *found = std::string(token);
  return true;
}

std::string heading_key(cmark_node* heading) { return fold(trim(inline_text(heading))); }

}  // namespace

std::vector<WikiLink> find_wikilinks(std::string_view text, const SourceLoc& loc) {
  std::vector<WikiLink> out;
  std::size_t pos = 0;
  while ((pos = text.find("[[", pos)) != std::string_view::npos) {
    std::size_t close = text.find("]]", pos + 2);
    if (close == std::string_view::npos) break;
    std::string_view inner = text.substr(pos + 2, close - pos - 2);
    if (inner.find('[') != std::string_view::npos) {  // "[[[x]]": start again at the inner one
      pos += 1;
      continue;
    }
    WikiLink link;
    std::size_t bar = inner.find('|');
    std::string_view target = inner.substr(0, bar);
    if (bar != std::string_view::npos) link.display = std::string(trim(inner.substr(bar + 1)));
    std::size_t hash = target.find('#');
    if (hash != std::string_view::npos) {
      link.heading = std::string(trim(target.substr(hash + 1)));
      target = target.substr(0, hash);
    }
    link.target = std::string(trim(target));
    link.loc = loc;
    if (loc.column > 0) link.loc.column = loc.column + static_cast<int>(pos);
    if (!link.target.empty()) out.push_back(std::move(link));
    pos = close + 2;
  }
  return out;
}

BodyFacts parse_body(std::string_view path, std::string_view body, int first_line,
                     DiagSink& diags) {
  BodyFacts facts;
  NodePtr doc = parse_doc(body, {"tasklist"}, CMARK_OPT_DEFAULT);
  cmark_consolidate_text_nodes(doc.get());
  auto lines = split_lines(body);
  auto loc_of = [&](cmark_node* n) {
    return SourceLoc{std::string(path), cmark_node_get_start_line(n) + first_line - 1,
                     cmark_node_get_start_column(n)};
  };

  std::string section;       // folded text of the current level-1/2 heading
  bool in_summary = false;
  std::string first_paragraph;
  cmark_iter* it = cmark_iter_new(doc.get());
  cmark_event_type ev;
  while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    if (ev != CMARK_EVENT_ENTER) continue;
    cmark_node* node = cmark_iter_get_node(it);
    cmark_node_type type = cmark_node_get_type(node);
    if (type == CMARK_NODE_HEADING) {
      section = heading_key(node);
      facts.headings.push_back(std::string(trim(inline_text(node))));
      in_summary = section == "summary";
      continue;
    }
    if (type == CMARK_NODE_TEXT) {
      const char* lit = cmark_node_get_literal(node);
      SourceLoc at = loc_of(node);
      for (auto& link : find_wikilinks(lit ? lit : "", at)) facts.links.push_back(std::move(link));
      continue;
    }
    if (type == CMARK_NODE_PARAGRAPH) {
      cmark_node* parent = cmark_node_parent(node);
      bool top_level = parent && cmark_node_get_type(parent) == CMARK_NODE_DOCUMENT;
      if (top_level) {
        std::string text = std::string(trim(inline_text(node)));
        if (in_summary && facts.summary.empty()) facts.summary = text;
        if (first_paragraph.empty()) first_paragraph = text;
      }
      continue;
    }
    if (type == CMARK_NODE_ITEM) {
      cmark_node* para = cmark_node_first_child(node);
      bool is_task = std::string_view(cmark_node_get_type_string(node)) == "tasklist";
      if (is_task) {
        TaskItem task;
        task.loc = loc_of(node);
        task.loc.column = 0;
        task.done = cmark_gfm_extensions_get_tasklist_item_checked(node);
        if (para && cmark_node_get_type(para) == CMARK_NODE_PARAGRAPH) {
          task.text = source_text(lines, para);
          SourceLoc para_loc = loc_of(para);
          task.links = find_wikilinks(task.text, para_loc);
        }
        task.due = date_after(task.text, "due:", false);
        if (!task.due) task.due = date_after(task.text, "\xF0\x9F\x93\x85", true);  // 📅
        task.done_on = date_after(task.text, "\xE2\x9C\x85", true);                  // ✅
        std::string bad;
        if (has_bad_date_after(task.text, "due:", false, &bad) ||
            has_bad_date_after(task.text, "\xF0\x9F\x93\x85", true, &bad))
          diags.warning(task.loc, "invalid due date '" + bad + "' (expected YYYY-MM-DD)");
        facts.tasks.push_back(std::move(task));
      } else if (section == "decisions" && para && cmark_node_get_type(para) == CMARK_NODE_PARAGRAPH) {
        // Only the items of lists placed directly under the heading are decisions.
        cmark_node* list = cmark_node_parent(node);
        cmark_node* holder = list ? cmark_node_parent(list) : nullptr;
        if (holder && cmark_node_get_type(holder) == CMARK_NODE_DOCUMENT) {
          Decision d;
          d.text = source_text(lines, para);
          d.loc = loc_of(node);
          d.links = find_wikilinks(d.text, loc_of(para));
          facts.decisions.push_back(std::move(d));
        }
      }
    }
  }
  cmark_iter_free(it);
  if (facts.summary.empty()) facts.summary = first_paragraph;
  return facts;
}

std::string render_markdown_html(std::string_view markdown) {
  // Wikilinks read as their shown text.
  std::string text;
  text.reserve(markdown.size());
  std::size_t pos = 0;
  while (pos < markdown.size()) {
    std::size_t open = markdown.find("[[", pos);
    std::size_t close = open == std::string_view::npos ? open : markdown.find("]]", open + 2);
    if (open == std::string_view::npos || close == std::string_view::npos) {
      text.append(markdown.substr(pos));
      break;
    }
    text.append(markdown.substr(pos, open - pos));
    std::string_view inner = markdown.substr(open + 2, close - open - 2);
    std::size_t bar = inner.find('|');
    std::string_view shown = bar == std::string_view::npos ? inner : inner.substr(bar + 1);
    std::size_t hash = shown.find('#');
    if (bar == std::string_view::npos && hash != std::string_view::npos) shown = shown.substr(0, hash);
    text.append(shown);
    pos = close + 2;
  }
  NodePtr doc = parse_doc(text, {"table", "strikethrough", "autolink", "tasklist"}, CMARK_OPT_DEFAULT);
  register_extensions();
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
