#include "kb/render/table.h"

#include <algorithm>
#include <cstdio>

#include "kb/base/text.h"

namespace kb {

namespace {

// Characters a terminal must not receive raw: C1 controls (U+0080..U+009F; U+009B is a CSI
// that starts an escape sequence on some terminals) and the bidirectional controls that let
// text reorder what follows it ("Trojan Source"): U+061C, U+200E/F, U+202A..U+202E,
// U+2066..U+2069, and the line and paragraph separators U+2028/U+2029.
bool unsafe_code_point(unsigned cp) {
  return (cp >= 0x80 && cp <= 0x9F) || cp == 0x061C || cp == 0x200E || cp == 0x200F ||
         (cp >= 0x2028 && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

}  // namespace

std::string terminal_safe(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == 0x7f) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02X", c);
      out += buf;
      continue;
    }
    unsigned cp = 0;
    std::size_t len = 0;
    if ((c & 0xE0) == 0xC0 && i + 1 < s.size()) {
      cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3Fu);
      len = 2;
    } else if ((c & 0xF0) == 0xE0 && i + 2 < s.size()) {
      cp = ((c & 0x0Fu) << 12) | ((static_cast<unsigned char>(s[i + 1]) & 0x3Fu) << 6) |
           (static_cast<unsigned char>(s[i + 2]) & 0x3Fu);
      len = 3;
    }
    if (len > 0 && unsafe_code_point(cp)) {
      char buf[12];
      std::snprintf(buf, sizeof buf, "<U+%04X>", cp);
      out += buf;
      i += len - 1;
      continue;
    }
    out += s[i];
  }
  return out;
}

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

void render_csv(std::ostream& out, const Table& t) {
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
