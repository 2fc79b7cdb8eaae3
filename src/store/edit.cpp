#include "kb/store/edit.h"

#include <vector>

#include "kb/base/text.h"

namespace kb {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t'; }

// Where the `[ ]` / `[x]` of a task item starts on `line`, or npos. Accepts blockquote
// markers and indentation before a `-`, `*`, `+` or `1.` / `1)` list marker.
std::size_t checkbox_at(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && (is_blank(line[i]) || line[i] == '>')) ++i;
  if (i >= line.size()) return std::string_view::npos;
  if (line[i] == '-' || line[i] == '*' || line[i] == '+') {
    ++i;
  } else {
    std::size_t digits = 0;
    while (i < line.size() && line[i] >= '0' && line[i] <= '9' && digits < 9) ++i, ++digits;
    if (digits == 0 || i >= line.size() || (line[i] != '.' && line[i] != ')')) return std::string_view::npos;
    ++i;
  }
  if (i >= line.size() || !is_blank(line[i])) return std::string_view::npos;
  while (i < line.size() && is_blank(line[i])) ++i;
  if (i + 3 > line.size() || line[i] != '[' || line[i + 2] != ']') return std::string_view::npos;
  if (i + 3 < line.size() && !is_blank(line[i + 3])) return std::string_view::npos;
  char mark = line[i + 1];
  if (mark != ' ' && mark != 'x' && mark != 'X') return std::string_view::npos;
  return i;
}

}  // namespace

MarkResult mark_action_done(std::string_view text, int line, const Date& on) {
  MarkResult r;
  // The same lines the parser numbered the action by (LF, CRLF or a lone CR end one).
  std::vector<std::string_view> lines = split_lines(text);
  if (line < 1 || static_cast<std::size_t>(line) > lines.size()) {
    r.status = MarkStatus::no_such_line;
    return r;
  }
  std::string_view current = lines[static_cast<std::size_t>(line) - 1];
  const std::size_t begin = static_cast<std::size_t>(current.data() - text.data());
  const std::size_t content_end = begin + current.size();
  r.line = std::string(current);
  std::size_t box = checkbox_at(current);
  if (box == std::string_view::npos) {
    r.status = MarkStatus::not_a_task;
    return r;
  }
  if (current[box + 1] != ' ') {
    r.status = MarkStatus::already_done;
    return r;
  }
  std::size_t keep = current.size();
  while (keep > box + 3 && is_blank(current[keep - 1])) --keep;
  std::string edited(current.substr(0, keep));
  edited[box + 1] = 'x';
  edited += " \xE2\x9C\x85 " + to_string(on);  // ✅
  r.text.reserve(text.size() + 16);
  r.text.append(text.substr(0, begin));
  r.text += edited;
  r.edited = std::move(edited);
  r.text.append(text.substr(content_end));
  return r;
}

EditResult write_action_done(FileSystem& fs, const std::string& path, std::string_view expected,
                             int line, const Date& on) {
  EditResult e;
  MarkResult m = mark_action_done(expected, line, on);
  e.mark = m.status;
  e.line = m.line;
  e.edited = m.edited;
  if (m.status != MarkStatus::ok) {
    e.status = WriteStatus::error;
    return e;
  }
  WriteResult w = fs.replace(path, expected, m.text);
  e.status = w.status;
  e.message = w.message;
  return e;
}

}  // namespace kb
