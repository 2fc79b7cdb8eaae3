#include "kb/render/table.h"

#include <algorithm>
#include <cstdio>

#include <fmt/format.h>

#include "kb/base/text.h"

namespace kb {

std::string markdown_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 8);
  // At the start of a line, `-`, `+` and `=` (lists, setext headings) and `1.` / `1)`
  // (ordered lists) are syntax too.
  std::size_t digits = 0;
  while (digits < s.size() && s[digits] >= '0' && s[digits] <= '9') ++digits;
  bool ordered = digits > 0 && digits < s.size() && (s[digits] == '.' || s[digits] == ')');
  if (!s.empty() && (s[0] == '-' || s[0] == '+' || s[0] == '=')) out += '\\';
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    switch (c) {
      case '\\': case '`': case '*': case '_': case '[': case ']': case '<': case '>':
      case '|': case '#': case '!': case '~': case '&':
        out += '\\';
        out += c;
        break;
      case '.': case ')':
        if (ordered && i == digits) out += '\\';
        out += c;
        break;
      case '\n': case '\r':
        out += ' ';
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string html_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

namespace {

// A flexible column is never cut below this (or its header): "Bilateral m…" still says something.
constexpr std::size_t kMinFlexibleWidth = 12;

// The columns the shown ones take, with two spaces between each two.
std::size_t total_width(const std::vector<std::size_t>& width, const std::vector<bool>& shown) {
  std::size_t sum = 0, n = 0;
  for (std::size_t i = 0; i < width.size(); ++i)
    if (shown[i]) sum += width[i], ++n;
  return n == 0 ? 0 : sum + 2 * (n - 1);
}

// Makes the table fit `limit` columns where it can: first the id columns go, then the widest
// flexible column loses one column at a time, down to its floor.
void fit(const Table& t, std::size_t limit, std::vector<std::size_t>& width, std::vector<bool>& shown) {
  if (limit == 0 || total_width(width, shown) <= limit) return;
  for (std::size_t c : t.id_columns)
    if (c < shown.size()) shown[c] = false;
  while (total_width(width, shown) > limit) {
    std::size_t pick = width.size();
    for (std::size_t c : t.flexible) {
      if (c >= width.size() || !shown[c]) continue;
      if (width[c] <= std::max(kMinFlexibleWidth, display_width(t.headers[c]))) continue;
      if (pick == width.size() || width[c] > width[pick]) pick = c;
    }
    if (pick == width.size()) return;  // nothing more to cut: the lines wrap
    --width[pick];
  }
}

Paint paint_of(const Table& t, std::size_t row, std::size_t col) {
  if (row >= t.paint.size() || col >= t.paint[row].size()) return Paint::none;
  return t.paint[row][col];
}

}  // namespace

std::string paint(const std::string& text, Paint p) {
  if (text.empty()) return text;  // nothing to paint; trailing padding is still trimmed
  switch (p) {
    case Paint::dim: return fmt::format("\x1b[2m{}\x1b[0m", text);
    case Paint::red: return fmt::format("\x1b[31m{}\x1b[0m", text);
    default: return text;
  }
}

void render_text_table(std::ostream& out, const Table& t, const TextTableStyle& style) {
  std::vector<std::vector<std::string>> cells;
  cells.push_back(t.headers);
  for (const auto& row : t.rows) {
    std::vector<std::string> safe;
    for (const auto& c : row) safe.push_back(terminal_safe(c));
    cells.push_back(std::move(safe));
  }
  const std::size_t n = t.headers.size();
  std::vector<std::size_t> width(n, 0);
  for (const auto& row : cells)
    for (std::size_t i = 0; i < row.size() && i < n; ++i) width[i] = std::max(width[i], display_width(row[i]));
  std::vector<bool> shown(n, true);
  fit(t, style.width, width, shown);
  std::size_t last = n;  // the last shown column takes no padding
  for (std::size_t i = 0; i < n; ++i)
    if (shown[i]) last = i;
  for (std::size_t r = 0; r < cells.size(); ++r) {
    std::string line;
    for (std::size_t i = 0; i < cells[r].size() && i < n; ++i) {
      if (!shown[i]) continue;
      const std::string c = truncate_display(cells[r][i], width[i]);
      std::size_t pad = i == last ? 0 : width[i] - display_width(c) + 2;
      line += r > 0 && style.color ? paint(c, paint_of(t, r - 1, i)) : c;
      line.append(pad, ' ');
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    if (r == 0 && style.color) out << "\x1b[1m" << line << "\x1b[0m\n";
    else out << line << '\n';
  }
}

std::string field_name(std::string_view header) {
  std::string out = to_lower_ascii(std::string(trim(header)));
  for (char& c : out)
    if (c == ' ' || c == '-') c = '_';
  return out;
}

namespace {

// Where each of `fields` is among the table's columns; throws UnknownField for one it lacks.
std::vector<std::size_t> columns_named(const Table& t, const std::vector<std::string>& fields) {
  std::vector<std::size_t> keep;
  for (const auto& f : fields) {
    const std::string want = field_name(f);
    std::size_t c = 0;
    while (c < t.headers.size() && field_name(t.headers[c]) != want) ++c;
    if (c == t.headers.size()) {
      std::string known;
      for (const auto& h : t.headers) known += (known.empty() ? "" : ", ") + field_name(h);
      throw UnknownField(fmt::format("--fields: no column '{}' here (columns: {})", f, known));
    }
    keep.push_back(c);
  }
  return keep;
}

// `cols` renumbered to the kept columns' new places; a dropped column leaves the list.
std::vector<std::size_t> renumber(const std::vector<std::size_t>& cols, const std::vector<std::size_t>& keep) {
  std::vector<std::size_t> out;
  for (std::size_t c : cols)
    for (std::size_t j = 0; j < keep.size(); ++j)
      if (keep[j] == c) out.push_back(j);
  return out;
}

template <typename T>
std::vector<T> pick(const std::vector<T>& row, const std::vector<std::size_t>& keep, T missing) {
  std::vector<T> out;
  out.reserve(keep.size());
  for (std::size_t c : keep) out.push_back(c < row.size() ? row[c] : missing);
  return out;
}

}  // namespace

void choose_columns(Table& t, const std::vector<std::string>& fields, bool with_extra) {
  std::vector<std::size_t> keep;
  if (!fields.empty()) {
    keep = columns_named(t, fields);
    t.id_columns.clear();
  } else {
    for (std::size_t c = 0; c < t.headers.size(); ++c)
      if (with_extra || std::find(t.extra.begin(), t.extra.end(), c) == t.extra.end()) keep.push_back(c);
  }
  t.headers = pick(t.headers, keep, std::string());
  for (auto& row : t.rows) row = pick(row, keep, std::string());
  for (auto& row : t.paint)
    if (!row.empty()) row = pick(row, keep, Paint::none);
  t.flexible = renumber(t.flexible, keep);
  t.id_columns = renumber(t.id_columns, keep);
  t.extra.clear();
}

void render_csv(std::ostream& out, const Table& t, bool bom) {
  if (bom) out << "\xEF\xBB\xBF";
  auto cell = [&](std::string v) {
    if (!v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@' || v[0] == '\t' || v[0] == '\r'))
      v.insert(0, 1, '\'');
    bool quote = v.find_first_of(",\"\r\n") != std::string::npos;
    if (!quote) return v;
    std::string q = "\"";
    for (char c : v) {
      if (c == '"') q += '"';
      q += c;
    }
    return q + "\"";
  };
  auto row = [&](const std::vector<std::string>& r) {
    for (std::size_t i = 0; i < r.size(); ++i) out << (i ? "," : "") << cell(r[i]);
    out << "\r\n";
  };
  row(t.headers);
  for (const auto& r : t.rows) row(r);
}

void render_markdown_table(std::ostream& out, const Table& t) {
  auto row = [&](const std::vector<std::string>& r, bool escape) {
    out << '|';
    for (const auto& c : r) out << ' ' << (escape ? markdown_escape(c) : c) << " |";
    out << '\n';
  };
  row(t.headers, false);
  out << '|';
  for (std::size_t i = 0; i < t.headers.size(); ++i) out << " --- |";
  out << '\n';
  for (const auto& r : t.rows) row(r, true);
}

}  // namespace kb
