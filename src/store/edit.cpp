#include "kb/store/edit.h"

#include <cctype>
#include <optional>
#include <string>
#include <vector>

#include "kb/base/text.h"
#include "kb/store/name_edit.h"

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
  // Any one ASCII character is a status, as the Tasks plugin reads it (`[>]`, `[!]`, `[?]` ...).
  const auto mark = static_cast<unsigned char>(line[i + 1]);
  if (mark < 0x20 || mark >= 0x7F || mark == '[' || mark == ']') return std::string_view::npos;
  return i;
}

}  // namespace

namespace {

constexpr std::string_view kDone = "\xE2\x9C\x85";       // ✅
constexpr std::string_view kCancelled = "\xE2\x9D\x8C";  // ❌
constexpr std::string_view kDue = "\xF0\x9F\x93\x85";   // 📅

bool is_date_at(std::string_view s, std::size_t at) {
  return at + 10 <= s.size() && parse_date(s.substr(at, 10)).has_value();
}

// Drops ` ✅ YYYY-MM-DD` (or ❌) from `line`, the blank before it too.
void drop_stamp(std::string& line, std::string_view mark) {
  for (std::size_t at = line.find(mark); at != std::string::npos; at = line.find(mark, at + 1)) {
    std::size_t end = at + mark.size();
    while (end < line.size() && line[end] == ' ') ++end;
    if (!is_date_at(line, end)) continue;
    std::size_t begin = at;
    while (begin > 0 && is_blank(line[begin - 1])) --begin;
    line.erase(begin, end + 10 - begin);
    return;
  }
}

// Replaces the due date of `line` (📅 D, due:D or [due:: D]); false when it has none.
bool replace_due(std::string& line, const std::string& date) {
  for (std::string_view mark : {kDue, std::string_view("\xF0\x9F\x93\x86"), std::string_view("\xF0\x9F\x97\x93"),
                                std::string_view("due:"), std::string_view("[due::")}) {
    for (std::size_t at = line.find(mark); at != std::string::npos; at = line.find(mark, at + 1)) {
      std::size_t d = at + mark.size();
      while (d < line.size() && line[d] == ' ') ++d;
      if (!is_date_at(line, d)) continue;
      line.replace(d, 10, date);
      return true;
    }
  }
  return false;
}

// Where a trailing block id (` ^abc-1`) starts in `line`, else its size.
std::size_t block_id_at(std::string_view line) {
  std::size_t i = line.size();
  while (i > 0 && (std::isalnum(static_cast<unsigned char>(line[i - 1])) || line[i - 1] == '-')) --i;
  if (i == line.size() || i < 2 || line[i - 1] != '^' || !is_blank(line[i - 2])) return line.size();
  return i - 1;
}

// ` suffix` appended to the line's text, trailing blanks dropped, before a trailing block id
// (which Obsidian reads only at the very end of the line).
void append(std::string& line, std::size_t box, const std::string& suffix) {
  std::size_t end = line.size();
  while (end > box + 3 && is_blank(line[end - 1])) --end;
  line.resize(end);
  const std::size_t id = block_id_at(line);
  std::size_t keep = id;
  while (keep > box + 3 && is_blank(line[keep - 1])) --keep;
  const std::string tail = id < line.size() ? " " + line.substr(id) : std::string();
  line.resize(keep);
  line += " " + suffix + tail;
}

// ---- Recurring tasks (the Tasks plugin's `🔁 every week`) ----

constexpr std::string_view kRecurs = "\xF0\x9F\x94\x81";  // 🔁

// How far one occurrence is from the next: days, or months (a year is twelve).
struct Recurrence {
  long days = 0;
  int months = 0;
  bool when_done = false;  ///< `... when done`: from the day it was done, not from its dates
};

// Tasks' interval rules: `every day|week|month|year`, `every N days|weeks|months|years`, each
// optionally `when done`. Rules on weekdays or dates of a month are not read (std::nullopt).
std::optional<Recurrence> parse_recurrence(std::string_view rule) {
  std::string r = to_lower_ascii(trim(rule));
  Recurrence out;
  if (constexpr std::string_view kWhenDone = " when done"; r.size() > kWhenDone.size() && r.ends_with(kWhenDone)) {
    out.when_done = true;
    r.resize(r.size() - kWhenDone.size());
  }
  if (!r.starts_with("every ")) return std::nullopt;
  std::string_view rest = trim(std::string_view(r).substr(6));
  long n = 1;
  if (!rest.empty() && std::isdigit(static_cast<unsigned char>(rest[0]))) {
    std::size_t digits = 0;
    while (digits < rest.size() && std::isdigit(static_cast<unsigned char>(rest[digits]))) ++digits;
    if (digits > 4) return std::nullopt;
    n = std::stol(std::string(rest.substr(0, digits)));
    rest = trim(rest.substr(digits));
  }
  if (n < 1) return std::nullopt;
  if (rest == "day" || rest == "days") out.days = n;
  else if (rest == "week" || rest == "weeks") out.days = 7 * n;
  else if (rest == "month" || rest == "months") out.months = static_cast<int>(n);
  else if (rest == "year" || rest == "years") out.months = static_cast<int>(12 * n);
  else return std::nullopt;
  return out;
}

// `d` one interval later; a day past the end of the month is its last day (Jan 31 -> Feb 29).
Date advance(const Date& d, const Recurrence& r) {
  if (r.days) return add_days(d, r.days);
  const int total = d.year * 12 + (d.month - 1) + r.months;
  const int y = total / 12, m = total % 12 + 1;
  int day = d.day;
  while (day > 28 && !is_valid_date(y, m, day)) --day;
  return Date(y, m, day);
}

// The recurrence rule written after 🔁 on `line` (up to the next emoji field or block id).
std::optional<Recurrence> recurrence_of(std::string_view line) {
  std::size_t at = line.find(kRecurs);
  if (at == std::string_view::npos) return std::nullopt;
  at += kRecurs.size();
  if (line.substr(at, 3) == "\xEF\xB8\x8F") at += 3;  // variation selector-16
  std::size_t end = at;
  while (end < line.size() && static_cast<unsigned char>(line[end]) < 0x80 && line[end] != '^') ++end;
  return parse_recurrence(line.substr(at, end - at));
}

// The date fields a recurrence moves, in the order Tasks takes its reference date from.
constexpr std::string_view kMovedDates[] = {
    kDue, "\xF0\x9F\x93\x86", "\xF0\x9F\x97\x93",  // 📅 📆 🗓
    "\xE2\x8F\xB3", "\xE2\x8C\x9B",                 // ⏳ ⌛
    "\xF0\x9F\x9B\xAB"};                              // 🛫

// Where each moved date of `line` is written (offsets of `YYYY-MM-DD`), first the reference.
std::vector<std::size_t> moved_dates(std::string_view line) {
  std::vector<std::size_t> at;
  for (std::string_view mark : kMovedDates)
    for (std::size_t m = line.find(mark); m != std::string_view::npos; m = line.find(mark, m + 1)) {
      std::size_t d = m + mark.size();
      if (line.substr(d, 3) == "\xEF\xB8\x8F") d += 3;
      while (d < line.size() && line[d] == ' ') ++d;
      if (is_date_at(line, d)) at.push_back(d);
    }
  return at;
}

// The next occurrence of the open recurring task `line` done on `done_on`, as Tasks writes it:
// open, every date moved by the interval from the reference date (due, else scheduled, else
// start; `when done`: from `done_on`), no done stamp and no block id (ids are unique).
// std::nullopt when the line does not recur, its rule is not read, or it has no date.
std::optional<std::string> next_occurrence(std::string line, std::size_t box, const Date& done_on) {
  const auto rule = recurrence_of(line);
  if (!rule) return std::nullopt;
  const std::vector<std::size_t> dates = moved_dates(line);
  if (dates.empty()) return std::nullopt;
  const Date ref = *parse_date(std::string_view(line).substr(dates.front(), 10));
  const long shift = days_from_civil(advance(rule->when_done ? done_on : ref, *rule)) - days_from_civil(ref);
  for (std::size_t d : dates)
    line.replace(d, 10, to_string(add_days(*parse_date(std::string_view(line).substr(d, 10)), shift)));
  line[box + 1] = ' ';
  drop_stamp(line, kDone);
  std::size_t end = block_id_at(line);
  while (end > box + 3 && is_blank(line[end - 1])) --end;
  line.resize(end);
  return line;
}

MarkStatus edit_line(std::string& line, std::size_t box, const TaskChange& c) {
  // Tasks' defaults: `x`/`X` done, `-` cancelled, any other status open (`/` in progress).
  const bool open = line[box + 1] != 'x' && line[box + 1] != 'X' && line[box + 1] != '-';
  using Op = TaskChange::Op;
  switch (c.op) {
    case Op::done:
    case Op::cancel:
      if (!open) return MarkStatus::already_done;
      line[box + 1] = c.op == Op::done ? 'x' : '-';
      append(line, box, std::string(c.op == Op::done ? kDone : kCancelled) + " " + to_string(c.date));
      return MarkStatus::ok;
    case Op::reopen:
      if (open) return MarkStatus::not_closed;
      line[box + 1] = ' ';
      drop_stamp(line, kDone);
      drop_stamp(line, kCancelled);
      return MarkStatus::ok;
    case Op::due:
      if (!replace_due(line, to_string(c.date))) append(line, box, std::string(kDue) + " " + to_string(c.date));
      return MarkStatus::ok;
    case Op::owner: {
      const std::string head = line.substr(0, box + 3);
      auto renamed = c.owner_from.empty() ? std::nullopt
                                          : rename_name_item(line.substr(box + 3), c.owner_from, c.owner_to);
      if (renamed) line = head + *renamed;
      else append(line, box, "[[" + c.owner_to + "]]");
      return MarkStatus::ok;
    }
  }
  return MarkStatus::not_a_task;
}

// The line ending at `at` (LF, CRLF or CR), else the text's first one, else LF.
std::string line_end_after(std::string_view text, std::size_t at) {
  if (text.substr(at, 2) == "\r\n") return "\r\n";
  if (at < text.size()) return std::string(1, text[at]);
  return text.find("\r\n") != std::string_view::npos ? "\r\n" : text.find('\r') != std::string_view::npos ? "\r" : "\n";
}

}  // namespace

MarkResult change_task(std::string_view text, int line, const TaskChange& change) {
  MarkResult r;
  // The same lines the parser numbered the action by (LF, CRLF or a lone CR end one).
  std::vector<std::string_view> lines = split_lines(text);
  if (line < 1 || static_cast<std::size_t>(line) > lines.size()) {
    r.status = MarkStatus::no_such_line;
    return r;
  }
  std::string_view current = lines[static_cast<std::size_t>(line) - 1];
  const std::size_t begin = static_cast<std::size_t>(current.data() - text.data());
  r.line = std::string(current);
  std::size_t box = checkbox_at(current);
  if (box == std::string_view::npos) {
    r.status = MarkStatus::not_a_task;
    return r;
  }
  std::string edited(current);
  r.status = edit_line(edited, box, change);
  if (r.status != MarkStatus::ok) return r;
  if (change.op == TaskChange::Op::done)
    if (auto next = next_occurrence(std::string(current), box, change.date)) r.next = std::move(*next);
  r.text.reserve(text.size() + r.next.size() + 32);
  r.text.append(text.substr(0, begin));
  if (!r.next.empty()) r.text += r.next + line_end_after(text, begin + current.size());  // above, as Tasks writes it
  r.text += edited;
  r.edited = std::move(edited);
  r.text.append(text.substr(begin + current.size()));
  return r;
}

MarkResult mark_action_done(std::string_view text, int line, const Date& on) {
  TaskChange c;
  c.date = on;
  return change_task(text, line, c);
}

std::string add_task(std::string_view text, std::string_view item, int& line) {
  const std::string eol = text.find("\r\n") != std::string_view::npos ? "\r\n" : "\n";
  std::vector<std::string_view> lines = split_lines(text);
  std::size_t heading = lines.size(), last = lines.size();
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string_view l = trim(lines[i]);
    if (heading == lines.size() && (l == "## Actions" || l == "## Action items")) heading = last = i;
    else if (heading != lines.size() && l.substr(0, 2) == "# ") break;
    else if (heading != lines.size() && l.substr(0, 3) == "## ") break;
    else if (heading != lines.size() && !l.empty()) last = i;
  }
  const std::string task = "- [ ] " + std::string(item);
  if (heading == lines.size()) {  // no Actions section: one at the end
    std::string out(text);
    if (!out.empty() && out.back() != '\n' && out.back() != '\r') out += eol;
    line = static_cast<int>(lines.size()) + 4;
    return out + eol + "## Actions" + eol + eol + task + eol;
  }
  const std::size_t at = static_cast<std::size_t>(lines[last].data() - text.data()) + lines[last].size();
  line = static_cast<int>(last) + 2 + (last == heading ? 1 : 0);
  std::string insert = eol + (last == heading ? eol : std::string()) + task;
  return std::string(text.substr(0, at)) + insert + std::string(text.substr(at));
}

EditResult write_action_done(FileSystem& fs, const std::string& path, std::string_view expected,
                             int line, const Date& on) {
  TaskChange c;
  c.date = on;
  return write_task_change(fs, path, expected, line, c);
}

}  // namespace kb

namespace kb {

EditResult write_task_change(FileSystem& fs, const std::string& path, std::string_view expected, int line,
                             const TaskChange& change) {
  EditResult e;
  MarkResult m = change_task(expected, line, change);
  e.mark = m.status;
  e.line = m.line;
  e.edited = m.edited;
  e.next = m.next;
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
