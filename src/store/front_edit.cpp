#include "kb/store/front_edit.h"

#include <algorithm>
#include <vector>

#include "kb/base/diag.h"
#include "kb/parse/front_matter.h"

namespace kb {
namespace {

struct LineSpan {
  std::size_t begin;
  std::size_t end;   // excluding the line break
  std::size_t next;  // start of the next line
};

// A note read for editing: its parsed front matter and its lines (as front_matter.cpp splits
// them: at LF, CR or CRLF).
struct Doc {
  std::string_view path;
  std::string_view text;
  FrontMatter fm;
  std::vector<LineSpan> lines;  // lines[n - 1] is file line n
  int close = 0;            // file line of the closing fence
  std::string eol;          // the note's own line break, used for every line added

  std::string_view line(int n) const {
    const LineSpan& l = lines[static_cast<std::size_t>(n - 1)];
    return text.substr(l.begin, l.end - l.begin);
  }
};

std::vector<LineSpan> line_spans(std::string_view text) {
  std::vector<LineSpan> out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t nl = pos;
    while (nl < text.size() && text[nl] != '\n' && text[nl] != '\r') ++nl;
    std::size_t next = nl < text.size() ? nl + 1 : nl;
    if (nl < text.size() && text[nl] == '\r' && next < text.size() && text[next] == '\n') ++next;
    out.push_back({pos, nl, next});
    pos = next;
  }
  return out;
}

std::optional<Doc> open_doc(std::string_view path, std::string_view text) {
  DiagSink diags;
  auto fm = parse_front_matter(path, text, diags);
  if (!fm || diags.has_errors() || !fm->present) return std::nullopt;
  Doc doc{path, text, std::move(*fm), line_spans(text), 0, "\n"};
  doc.close = doc.fm.body_line - 1;
  if (doc.close < 2 || static_cast<std::size_t>(doc.close) > doc.lines.size()) return std::nullopt;
  const LineSpan& first = doc.lines.front();
  if (first.next > first.end) doc.eol = std::string(text.substr(first.end, first.next - first.end));
  return doc;
}

std::size_t indent_of(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && line[i] == ' ') ++i;
  return i;
}

bool blank_or_comment(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  return i == line.size() || line[i] == '#';
}

// The offset just after `key:` when `line` is the top-level key `key` (plain or quoted), else npos.
std::size_t key_colon_end(std::string_view line, std::string_view key) {
  for (std::string q : {"", "\"", "'"}) {
    std::string head = q + std::string(key) + q + ":";
    if (line.substr(0, head.size()) != head) continue;
    if (line.size() == head.size() || line[head.size()] == ' ' || line[head.size()] == '\t') return head.size();
  }
  return std::string_view::npos;
}

// The file line of top-level `key` and the offset after its colon in that line; line 0 when absent.
std::pair<int, std::size_t> find_key(const Doc& doc, std::string_view key) {
  for (int n = 2; n < doc.close; ++n)
    if (std::size_t c = key_colon_end(doc.line(n), key); c != std::string_view::npos) return {n, c};
  return {0, 0};
}

// The last line holding content of the value of the top-level key on line `k` (k itself when
// the value is on that line only): more indented lines and `- ` items at column 1.
int block_last(const Doc& doc, int k) {
  int last = k;
  for (int n = k + 1; n < doc.close; ++n) {
    std::string_view l = doc.line(n);
    if (blank_or_comment(l)) continue;
    if (indent_of(l) == 0 && !(l == "-" || l.substr(0, 2) == "- ")) break;
    last = n;
  }
  return last;
}

// The last content line in [from, to] (comments and blank lines after an item are not its).
int last_content(const Doc& doc, int from, int to) {
  for (int n = to; n > from; --n)
    if (!blank_or_comment(doc.line(n))) return n;
  return from;
}

// The first non-blank offset of `line` at or after `from`.
std::size_t skip_blanks(std::string_view line, std::size_t from) {
  while (from < line.size() && (line[from] == ' ' || line[from] == '\t')) ++from;
  return from;
}

std::size_t quote_end(std::string_view s, std::size_t from) {
  char q = s[from];
  for (std::size_t i = from + 1; i < s.size(); ++i) {
    if (q == '"' && s[i] == '\\') {
      ++i;
      continue;
    }
    if (s[i] == '\n' || s[i] == '\r') return std::string_view::npos;
    if (s[i] != q) continue;
    if (q == '\'' && i + 1 < s.size() && s[i + 1] == '\'') {
      ++i;
      continue;
    }
    return i + 1;
  }
  return std::string_view::npos;
}

// The offset of the `]` or `}` closing the flow collection opened at `open`, skipping quoted
// scalars and comments; npos when it does not close before `limit`.
std::size_t flow_close(std::string_view text, std::size_t open, std::size_t limit) {
  int depth = 0;
  char prev = ' ';  // the last non-blank character, to tell a quote that opens a scalar
  for (std::size_t i = open; i < limit; ++i) {
    char c = text[i];
    if ((c == '"' || c == '\'') && (prev == '[' || prev == '{' || prev == ',' || prev == ':')) {
      i = quote_end(text, i);
      if (i == std::string_view::npos || i > limit) return std::string_view::npos;
      prev = c;
      --i;
      continue;
    }
    if (c == '#' && (i == 0 || text[i - 1] == ' ' || text[i - 1] == '\t' || text[i - 1] == '\n')) {
      while (i < limit && text[i] != '\n' && text[i] != '\r') ++i;
      continue;
    }
    if (c == '[' || c == '{') ++depth;
    if ((c == ']' || c == '}') && --depth == 0) return i;
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') prev = c;
  }
  return std::string_view::npos;
}

// Inserts `item` as the last element of the flow collection opened at `open`.
std::optional<std::string> flow_append(const Doc& doc, std::size_t open, const std::string& item) {
  std::size_t limit = doc.lines[static_cast<std::size_t>(doc.close - 1)].begin;
  std::size_t close = flow_close(doc.text, open, limit);
  if (close == std::string_view::npos) return std::nullopt;
  std::size_t last = close - 1;
  while (last > open && std::string_view(" \t\r\n").find(doc.text[last]) != std::string_view::npos) --last;
  std::string out(doc.text);
  if (last == open) return out.insert(open + 1, item);
  return out.insert(last + 1, ", " + item);
}

// The lines of `emitted` after its first, re-indented to start at column `indent` and ended
// with the note's line break.
std::string reindent_tail(const std::string& emitted, std::size_t indent, const std::string& eol) {
  std::vector<std::string_view> lines;
  std::string_view rest(emitted);
  rest.remove_prefix(std::min(rest.size(), rest.find('\n') + 1));
  std::size_t least = std::string::npos;
  while (!rest.empty()) {
    std::size_t nl = rest.find('\n');
    std::string_view l = rest.substr(0, nl);
    lines.push_back(l);
    least = std::min(least, indent_of(l));
    rest.remove_prefix(nl == std::string_view::npos ? rest.size() : nl + 1);
  }
  std::string out;
  for (std::string_view l : lines) out += std::string(indent, ' ') + std::string(l.substr(least)) + eol;
  return out;
}

std::string with_eol(const std::string& emitted, const std::string& eol) {
  std::string out;
  for (char c : emitted) out += c == '\n' ? eol : std::string(1, c);
  return out;
}

Value to_value(const YamlOut& v) {
  Value out;
  switch (v.kind) {
    case YamlOut::Kind::text:
    case YamlOut::Kind::date:
      out.kind = Value::Kind::scalar;
      out.text = v.text;
      break;
    case YamlOut::Kind::sequence:
      out.kind = Value::Kind::sequence;
      for (const auto& i : v.items) out.items.push_back(to_value(i));
      break;
    case YamlOut::Kind::mapping:
      out.kind = Value::Kind::mapping;
      for (const auto& [k, e] : v.entries) out.entries.emplace_back(k, to_value(e));
      break;
  }
  return out;
}

// The edit is kept only when kb reads back exactly `expected` and the very same body.
std::optional<std::string> verified(const Doc& old, std::optional<std::string> next, const Value& expected) {
  if (!next) return std::nullopt;
  DiagSink diags;
  auto fm = parse_front_matter(old.path, *next, diags);
  if (!fm || diags.has_errors() || !fm->present || !same_value(fm->fields, expected)) return std::nullopt;
  if (std::string_view(*next).substr(fm->body_offset) != old.text.substr(old.fm.body_offset)) return std::nullopt;
  return next;
}

// The byte offset in `line` of 1-based `column`, counted in bytes (`chars` false) or in
// characters; npos past the end.
std::size_t column_offset(std::string_view line, int column, bool chars) {
  if (column < 1) return std::string_view::npos;
  std::size_t at = 0;
  for (int c = 1; c < column; ++c) {
    if (at >= line.size()) return std::string_view::npos;
    ++at;
    while (chars && at < line.size() && (static_cast<unsigned char>(line[at]) & 0xC0) == 0x80) ++at;
  }
  return at < line.size() ? at : std::string_view::npos;
}

// Where the one-line scalar `v` is written on `line`: [begin, end) in the line, or nullopt
// when what is there is not that scalar as written (quoted, or plain and equal to its text).
std::optional<std::pair<std::size_t, std::size_t>> scalar_span(std::string_view line, const Value& v) {
  for (bool chars : {false, true}) {
    std::size_t begin = column_offset(line, v.loc.column, chars);
    if (begin == std::string_view::npos) continue;
    if (line[begin] == '"' || line[begin] == '\'') {
      std::size_t end = quote_end(line, begin);
      if (end != std::string_view::npos) return std::pair{begin, end};
    } else if (line.substr(begin, v.text.size()) == v.text) {
      return std::pair{begin, begin + v.text.size()};
    }
  }
  return std::nullopt;
}

// `key: value` added as the front matter's last lines.
std::string add_at_end(const Doc& doc, std::string_view key, const YamlOut& value) {
  std::string out(doc.text);
  YamlOut m = YamlOut::map();
  m.add(std::string(key), value);
  return out.insert(doc.lines[static_cast<std::size_t>(doc.close - 1)].begin, with_eol(emit_yaml(m), doc.eol));
}

// Appends to an existing list (or null value) of the top-level key on line `k`.
std::optional<std::string> append_present(const Doc& doc, int k, std::size_t colon, const Value& v,
                                          const YamlOut& item) {
  std::string_view line = doc.line(k);
  std::size_t at = skip_blanks(line, colon);
  if (at < line.size() && line[at] == '[') {
    if (!v.is_sequence()) return std::nullopt;
    return flow_append(doc, doc.lines[static_cast<std::size_t>(k - 1)].begin + at, emit_yaml_inline(item));
  }
  if (at < line.size() && line[at] != '#') return std::nullopt;  // a scalar or a flow mapping
  int last = block_last(doc, k);
  std::size_t indent = 2;
  bool has_items = false;
  for (int n = k + 1; n <= last && !has_items; ++n) {
    std::string_view l = doc.line(n);
    std::size_t i = indent_of(l);
    if (l.substr(i, 2) == "- " || l.substr(i) == "-") indent = i, has_items = true;
  }
  if (has_items != v.is_sequence()) return std::nullopt;
  YamlOut m = YamlOut::map();
  m.add("k", YamlOut::seq(false).push(item));
  std::string out(doc.text);
  return out.insert(doc.lines[static_cast<std::size_t>(last - 1)].next, reindent_tail(emit_yaml(m), indent, doc.eol));
}

}  // namespace

std::optional<std::string> append_list_item(std::string_view path, std::string_view text, std::string_view key,
                                            const YamlOut& item) {
  auto doc = open_doc(path, text);
  if (!doc) return std::nullopt;
  Value expected = doc->fm.fields;
  Value* v = expected.find(key);
  auto [k, colon] = find_key(*doc, key);
  if (!v) {
    expected.entries.emplace_back(std::string(key), Value{Value::Kind::sequence, {}, {to_value(item)}, {}, {}});
    YamlOut list = YamlOut::seq(item.kind != YamlOut::Kind::mapping);
    return verified(*doc, add_at_end(*doc, key, list.push(item)), expected);
  }
  if (k == 0 || !(v->is_sequence() || v->is_null())) return std::nullopt;
  auto next = append_present(*doc, k, colon, *v, item);
  v->kind = Value::Kind::sequence;
  v->items.push_back(to_value(item));
  return verified(*doc, std::move(next), expected);
}

std::optional<std::string> add_item_key(std::string_view path, std::string_view text, std::string_view key,
                                        std::size_t index, std::string_view subkey, const YamlOut& value) {
  auto doc = open_doc(path, text);
  if (!doc || yaml_needs_quotes(subkey)) return std::nullopt;
  Value expected = doc->fm.fields;
  Value* list = expected.find(key);
  auto [k, colon] = find_key(*doc, key);
  if (k == 0 || !list || !list->is_sequence() || index >= list->items.size()) return std::nullopt;
  Value& item = list->items[index];
  if (!item.is_mapping() || item.find(subkey) || item.loc.line <= k || item.loc.column < 1) return std::nullopt;
  int at_line = item.loc.line;
  std::size_t col = static_cast<std::size_t>(item.loc.column - 1);
  std::string_view line = doc->line(at_line);
  std::string entry = std::string(subkey) + ": " + emit_yaml_inline(value);
  std::optional<std::string> next;
  if (col < line.size() && line[col] == '{') {
    next = flow_append(*doc, doc->lines[static_cast<std::size_t>(at_line - 1)].begin + col, entry);
  } else {
    int end = block_last(*doc, k);
    if (index + 1 < list->items.size()) end = list->items[index + 1].loc.line - 1;
    if (end < at_line) return std::nullopt;  // the next item starts on the same line
    int last = last_content(*doc, at_line, end);
    next = std::string(doc->text).insert(doc->lines[static_cast<std::size_t>(last - 1)].next,
                                         std::string(col, ' ') + entry + doc->eol);
  }
  item.entries.emplace_back(std::string(subkey), to_value(value));
  return verified(*doc, std::move(next), expected);
}

std::optional<std::string> set_scalar(std::string_view path, std::string_view text, std::string_view key,
                                      const YamlOut& value) {
  auto doc = open_doc(path, text);
  if (!doc) return std::nullopt;
  Value expected = doc->fm.fields;
  Value* v = expected.find(key);
  Value want = to_value(value);
  if (!v) {
    expected.entries.emplace_back(std::string(key), want);
    return verified(*doc, add_at_end(*doc, key, value), expected);
  }
  auto [k, colon] = find_key(*doc, key);
  if (k == 0 || !(v->is_scalar() || v->is_null()) || v->text.find_first_of("\r\n") != std::string::npos ||
      block_last(*doc, k) != k)
    return std::nullopt;
  std::string_view line = doc->line(k);
  std::size_t begin = skip_blanks(line, colon), end = begin;
  if (begin < line.size() && (line[begin] == '"' || line[begin] == '\'')) {
    end = quote_end(line, begin);
  } else if (begin < line.size() && line[begin] != '#') {
    if (line[begin] == '|' || line[begin] == '>' || line[begin] == '&' || line[begin] == '!') return std::nullopt;
    while (end < line.size() && !(line[end] == '#' && (line[end - 1] == ' ' || line[end - 1] == '\t'))) ++end;
    while (end > begin && (line[end - 1] == ' ' || line[end - 1] == '\t')) --end;
  }
  if (end == std::string_view::npos) return std::nullopt;
  std::string inline_value = emit_yaml_inline(value);
  if (begin == end) inline_value = (begin == colon ? " " : "") + inline_value + (begin < line.size() ? " " : "");
  std::size_t base = doc->lines[static_cast<std::size_t>(k - 1)].begin;
  std::string next = std::string(doc->text).replace(base + begin, end - begin, inline_value);
  *v = want;
  return verified(*doc, std::move(next), expected);
}

std::optional<std::string> replace_scalars(std::string_view path, std::string_view text,
                                           const std::vector<ScalarChange>& changes) {
  auto doc = open_doc(path, text);
  if (!doc) return std::nullopt;
  Value expected = doc->fm.fields;
  struct Span {
    std::size_t begin, end;
    std::string written;
  };
  std::vector<Span> spans;
  for (const ScalarChange& c : changes) {
    Value* v = expected.scalar_at(c.line, c.column);
    if (!v || v->text.find_first_of("\r\n") != std::string::npos || c.line < 2 || c.line >= doc->close)
      return std::nullopt;
    auto span = scalar_span(doc->line(c.line), *v);
    if (!span) return std::nullopt;
    std::size_t base = doc->lines[static_cast<std::size_t>(c.line - 1)].begin;
    spans.push_back({base + span->first, base + span->second, emit_yaml_inline(YamlOut::str(c.value))});
    v->text = c.value;
  }
  std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.begin > b.begin; });
  std::string next(doc->text);
  for (std::size_t i = 0; i < spans.size(); ++i) {
    if (i > 0 && spans[i].end > spans[i - 1].begin) return std::nullopt;  // the same scalar twice
    next.replace(spans[i].begin, spans[i].end - spans[i].begin, spans[i].written);
  }
  return verified(*doc, std::move(next), expected);
}

}  // namespace kb
