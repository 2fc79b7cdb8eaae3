#include "kb/render/search.h"

#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "kb/base/text.h"
#include "kb/render/table.h"

namespace kb {
namespace {

using nlohmann::json;

constexpr std::string_view kBold = "\x1b[1;33m";
constexpr std::string_view kPlain = "\x1b[0m";

// Runs of whitespace (line ends included) as one space, trimmed: a snippet is one line.
std::string one_line(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string shown(std::string_view text, SnippetStyle style) {
  return style == SnippetStyle::data ? std::string(text) : terminal_safe(text);
}

std::string date_of(const Record& r) {
  if (r.date) return to_string(*r.date);
  if (r.entity.present() && r.entity->start) return to_string(*r.entity->start);
  return "";
}

// What a hit shows when the index gave no snippet (a name match alone): its aliases.
std::string snippet_of(const KnowledgeBase& kb, const SearchHit& h, SnippetStyle style) {
  if (!h.snippet.empty()) return render_snippet(h.snippet, style);
  std::string aliases;
  for (const auto& a : kb.at(h.id).aliases) aliases += (aliases.empty() ? "" : ", ") + a;
  return shown(one_line(aliases), style);
}

// A hit's snippet in at most `width` columns (0: as it is), cut with `…`.
std::string fitted_snippet(const KnowledgeBase& kb, const SearchHit& h, SnippetStyle style, std::size_t width) {
  if (width == 0) return snippet_of(kb, h, style);
  if (h.snippet.empty()) return truncate_display(snippet_of(kb, h, style), width);
  // The marks take no column; on a plain terminal each becomes « or », which do.
  const std::string line = one_line(h.snippet);
  std::string cut = truncate_display(line, width);
  if (style != SnippetStyle::color) {
    const auto marks = static_cast<std::size_t>(std::count_if(
        cut.begin(), cut.end(), [](char c) { return c == kSnippetOpen || c == kSnippetClose; }));
    if (marks > 0) cut = truncate_display(line, width > marks + 1 ? width - marks : 1);
  }
  return render_snippet(cut, style);
}

// One hit a line (type, name, date, id) and its snippet below, fitted to `o.width` when on a
// terminal: the id goes first, then the name is cut.
void render_list(std::ostream& out, const KnowledgeBase& kb, const std::vector<SearchHit>& hits, const RenderOptions& o) {
  const SnippetStyle style = o.color ? SnippetStyle::color : SnippetStyle::terminal;
  for (const auto& h : hits) {
    const Record& r = kb.at(h.id);
    std::string type = std::string(to_string(r.type));
    type.resize(std::max<std::size_t>(type.size(), 12), ' ');
    std::string title = terminal_safe(r.name);
    const std::string d = date_of(r), rid = terminal_safe(r.rid);
    const std::string tail = d.empty() ? std::string() : fmt::format("  {}", d);
    std::size_t room = o.width;
    bool with_id = true;
    if (room > 0 && type.size() + 1 + display_width(title) + tail.size() + 2 + display_width(rid) > room) {
      with_id = false;
      const std::size_t fixed = type.size() + 1 + tail.size();
      title = truncate_display(title, room > fixed + 12 ? room - fixed : 12);
    }
    if (o.color) title = fmt::format("\x1b[1m{}{}", title, kPlain);
    out << type << ' ' << title << tail;
    if (with_id) out << "  " << rid;
    out << '\n';
    if (const std::string sn = fitted_snippet(kb, h, style, o.width > 4 ? o.width - 4 : 0); !sn.empty())
      out << "    " << sn << '\n';
  }
}

json hit_json(const KnowledgeBase& kb, const SearchHit& h) {
  const Record& r = kb.at(h.id);
  const std::string d = date_of(r);
  return json{{"id", r.rid},
              {"path", r.path.str()},
              {"type", std::string(to_string(r.type))},
              {"name", r.name},
              {"date", d.empty() ? json(nullptr) : json(d)},
              {"name_match", h.name_match},
              {"rank", h.text_match ? json(h.rank) : json(nullptr)},
              {"snippet", snippet_of(kb, h, SnippetStyle::data)}};
}

}  // namespace

std::string render_snippet(std::string_view marked, SnippetStyle style) {
  const std::string line = one_line(marked);
  std::string out;
  bool open = false;
  std::size_t start = 0;
  auto flush = [&](std::size_t end) { out += shown(std::string_view(line).substr(start, end - start), style); };
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] != kSnippetOpen && line[i] != kSnippetClose) continue;
    flush(i);
    start = i + 1;
    const bool opens = line[i] == kSnippetOpen;
    if (opens == open) continue;  // a mark repeated: the state does not change
    open = opens;
    if (style == SnippetStyle::color) out += opens ? kBold : kPlain;
    else out += opens ? "«" : "»";
  }
  flush(line.size());
  if (open) out += style == SnippetStyle::color ? std::string(kPlain) : std::string("»");
  return out;
}

void render_search_hits(std::ostream& out, const KnowledgeBase& kb, const std::vector<SearchHit>& hits,
                        const RenderOptions& o) {
  if (is_json(o.format)) {
    json arr = json::array();
    for (const auto& h : hits) arr.push_back(hit_json(kb, h));
    if (o.format == OutputFormat::jsonl)
      for (const auto& v : arr) out << v.dump(-1, ' ', false, json::error_handler_t::replace) << '\n';
    else
      out << arr.dump(2, ' ', false, json::error_handler_t::replace) << '\n';
    return;
  }
  if (o.format == OutputFormat::table) return render_list(out, kb, hits, o);
  Table t;
  std::vector<std::string> ids;
  t.headers = {"TYPE", "DATE", "NAME", "ID", "SNIPPET"};
  for (const auto& h : hits) {
    const Record& r = kb.at(h.id);
    ids.push_back(r.rid);
    if (o.format != OutputFormat::ids)
      t.rows.push_back({std::string(to_string(r.type)), date_of(r), r.name, r.rid, snippet_of(kb, h, SnippetStyle::data)});
  }
  render_table(out, std::move(t), ids, o);
}

}  // namespace kb
