#pragma once
// Tabular output: one neutral Table, written as an aligned terminal table, CSV (RFC 4180) or a
// Markdown table. Every cell is made safe for its target (control and bidi characters shown
// escaped on a terminal, formula-looking CSV cells defused, `|` escaped in Markdown).

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "kb/base/text.h"  // terminal_safe

namespace kb {

struct Table {
  std::vector<std::string> headers;
  std::vector<std::vector<std::string>> rows;
};

/// Aligned columns separated by two spaces; headers in bold when `color`.
void render_text_table(std::ostream& out, const Table& t, bool color);
/// RFC 4180: quotes where needed, CRLF line ends; a cell starting with = + - @ gets a leading '.
/// `bom`: start with a UTF-8 byte-order mark (Excel reads a CSV file as UTF-8 only with one).
void render_csv(std::ostream& out, const Table& t, bool bom = false);
void render_markdown_table(std::ostream& out, const Table& t);

/// Escapes Markdown inline syntax so the text shows as written (`[x](javascript:..)` stays text).
std::string markdown_escape(std::string_view s);
std::string html_escape(std::string_view s);

}  // namespace kb
