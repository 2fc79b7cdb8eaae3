#include "kb/store/name_edit.h"

#include <algorithm>

#include "kb/base/diag.h"
#include "kb/base/text.h"
#include "kb/parse/front_matter.h"
#include "kb/parse/markdown.h"
#include "kb/store/front_edit.h"

namespace kb {
namespace {

// [begin, end) of the trimmed part of text[begin, end).
std::pair<std::size_t, std::size_t> trimmed(std::string_view text, std::size_t begin, std::size_t end) {
  while (begin < end && (text[begin] == ' ' || text[begin] == '\t')) ++begin;
  while (end > begin && (text[end - 1] == ' ' || text[end - 1] == '\t')) --end;
  return {begin, end};
}

// Renames the target of every `[[...]]` in `text` spelled `from`; how many were renamed.
std::size_t rename_links_in(std::string& text, std::string_view from, std::string_view to) {
  std::size_t count = 0;
  for (std::size_t pos = text.find("[["); pos != std::string::npos; pos = text.find("[[", pos + 2)) {
    std::size_t close = text.find("]]", pos + 2);
    if (close == std::string::npos) break;
    std::size_t open = text.rfind("[[", close);  // "[[[x]]": the link opens at the last "[["
    if (open > pos) pos = open;
    std::size_t end = std::min(close, text.find_first_of("|#", pos + 2));
    auto [b, e] = trimmed(text, pos + 2, end);
    if (std::string_view(text).substr(b, e - b) != from) continue;
    text.replace(b, e - b, to);
    ++count;
  }
  return count;
}

// Comma-separated items of `text` spelled `from`, renamed; how many were renamed.
std::size_t rename_items_in(std::string& text, std::string_view from, std::string_view to) {
  std::size_t count = 0;
  for (std::size_t begin = 0; begin <= text.size();) {
    std::size_t end = std::min(text.find(',', begin), text.size());
    auto [b, e] = trimmed(text, begin, end);
    if (std::string_view(text).substr(b, e - b) == from) {
      text.replace(b, e - b, to);
      end += to.size() - (e - b);
      ++count;
    }
    begin = end + 1;
  }
  return count;
}

// The last path segment of a record id ("people/ana" -> "ana").
std::string_view stem_of(std::string_view rid) {
  std::size_t slash = rid.rfind('/');
  return slash == std::string_view::npos ? rid : rid.substr(slash + 1);
}

// Renames the Markdown links in `line` to the note `from` (a record id) to `to`: the file name
// in the link's URL gets the new stem. How many were renamed.
std::size_t rename_markdown_links_in(std::string_view path, std::string& line, std::string_view from,
                                     std::string_view to) {
  std::size_t count = 0;
  for (std::size_t pos = line.find("]("); pos != std::string::npos; pos = line.find("](", pos + 2)) {
    std::size_t close = line.find(')', pos + 2);
    if (close == std::string::npos) break;
    std::string_view url = std::string_view(line).substr(pos + 2, close - pos - 2);
    if (markdown_link_target(path, url) != std::optional<std::string>(std::string(from))) continue;
    std::size_t file_end = url.find(".md");
    std::size_t file_begin = url.rfind('/', file_end);
    file_begin = file_begin == std::string_view::npos ? 0 : file_begin + 1;
    if (file_end == std::string_view::npos) continue;
    const std::size_t at = pos + 2 + file_begin;
    line.replace(at, file_end - file_begin, stem_of(to));
    ++count;
  }
  return count;
}

std::optional<std::string> rename_in_fields(std::string_view path, std::string_view text,
                                            const std::vector<NameChange>& changes) {
  DiagSink diags;
  auto fm = parse_front_matter(path, text, diags);
  if (!fm || diags.has_errors()) return std::nullopt;
  std::vector<ScalarChange> scalars;
  for (const NameChange& c : changes) {
    if (c.body) continue;
    // Two names renamed in one scalar (`A, B`): the second starts from the first's result.
    auto same = std::find_if(scalars.begin(), scalars.end(),
                             [&](const ScalarChange& s) { return s.line == c.line && s.column == c.column; });
    const Value* v = fm->fields.scalar_at(c.line, c.column);
    if (!v) return std::nullopt;
    auto renamed = rename_name_item(same == scalars.end() ? v->text : same->value, c.from, c.to);
    if (!renamed) return std::nullopt;
    if (same != scalars.end()) same->value = *renamed;
    else scalars.push_back(ScalarChange{c.line, c.column, *renamed});
  }
  if (scalars.empty()) return std::string(text);
  return replace_scalars(path, text, scalars);
}

std::optional<std::string> rename_in_body(std::string_view path, std::string text,
                                          const std::vector<NameChange>& changes) {
  DiagSink diags;
  auto fm = parse_front_matter(path, text, diags);
  if (!fm || diags.has_errors()) return std::nullopt;
  std::vector<std::string_view> lines = split_lines(text);
  std::vector<std::string> edited(lines.begin(), lines.end());
  for (const NameChange& c : changes) {
    if (!c.body) continue;
    if (c.line < fm->body_line || static_cast<std::size_t>(c.line) > lines.size()) return std::nullopt;
    std::string& line = edited[static_cast<std::size_t>(c.line - 1)];
    std::size_t n = rename_links_in(line, c.from, c.to);
    if (c.from.find('/') != std::string::npos) n += rename_markdown_links_in(path, line, c.from, c.to);
    if (n == 0) return std::nullopt;
  }
  std::string out;
  out.reserve(text.size() + 64);
  std::size_t done = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::size_t begin = static_cast<std::size_t>(lines[i].data() - text.data());
    out.append(text, done, begin - done);
    out += edited[i];
    done = begin + lines[i].size();
  }
  out.append(text, done, std::string::npos);
  return out;
}

}  // namespace

std::optional<std::string> rename_name_item(std::string_view text, std::string_view from, std::string_view to) {
  std::string out(text);
  auto [b, e] = trimmed(out, 0, out.size());
  if (std::string_view(out).substr(b, e - b) == from) return out.replace(b, e - b, to);
  std::size_t n = out.find("[[") != std::string::npos ? rename_links_in(out, from, to) : rename_items_in(out, from, to);
  if (n == 0) return std::nullopt;
  return out;
}

std::optional<std::string> rename_names(std::string_view path, std::string_view text,
                                        const std::vector<NameChange>& all) {
  // One change a name and place: a body change renames every link on its line, a field change
  // every item of its scalar.
  std::vector<NameChange> changes;
  for (const NameChange& c : all) {
    auto same = [&](const NameChange& d) {
      return d.body == c.body && d.line == c.line && (c.body || d.column == c.column) && d.from == c.from;
    };
    if (std::none_of(changes.begin(), changes.end(), same)) changes.push_back(c);
  }
  auto fields_done = rename_in_fields(path, text, changes);
  if (!fields_done) return std::nullopt;
  return rename_in_body(path, std::move(*fields_done), changes);
}

}  // namespace kb
