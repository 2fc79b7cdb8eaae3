#include "kb/render/table.h"

#include <algorithm>
#include <cstdio>

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

void render_text_table(std::ostream& out, const Table& t, bool color) {
  std::vector<std::vector<std::string>> cells;
  cells.push_back(t.headers);
  for (const auto& row : t.rows) {
    std::vector<std::string> safe;
    for (const auto& c : row) safe.push_back(terminal_safe(c));
    cells.push_back(std::move(safe));
  }
  std::vector<std::size_t> width(t.headers.size(), 0);
  for (const auto& row : cells)
    for (std::size_t i = 0; i < row.size() && i < width.size(); ++i)
      width[i] = std::max(width[i], display_width(row[i]));
  for (std::size_t r = 0; r < cells.size(); ++r) {
    std::string line;
    for (std::size_t i = 0; i < cells[r].size() && i < width.size(); ++i) {
      const std::string& c = cells[r][i];
      bool last = i + 1 == width.size();
      line += c;
      if (!last) line.append(width[i] - display_width(c) + 2, ' ');
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    if (r == 0 && color) out << "\x1b[1m" << line << "\x1b[0m\n";
    else out << line << '\n';
  }
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
