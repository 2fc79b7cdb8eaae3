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

/// How a terminal shows a cell: as is, dimmed (a done action) or in red (an overdue date).
enum class Paint { none, dim, red };

struct Table {
  std::vector<std::string> headers;
  std::vector<std::vector<std::string>> rows;
  /// Columns of free text (a title, an action, why a meeting matched) that a narrow terminal
  /// shortens with `…`, the widest first.
  std::vector<std::size_t> flexible;
  /// Columns of record ids, which a narrow terminal drops before any text is shortened (the
  /// ids stay in --format ids, json and csv).
  std::vector<std::size_t> id_columns;
  /// Colour on a terminal: `paint[r][c]` for cell c of row r; a missing entry is Paint::none.
  std::vector<std::vector<Paint>> paint;
};

/// `text` wrapped in the terminal codes of `p` (SGR dim or red, then reset); empty text and
/// Paint::none stay as they are.
std::string paint(const std::string& text, Paint p);

/// How render_text_table lays a table out.
struct TextTableStyle {
  bool color = false;     ///< headers in bold, cells painted as Table::paint says
  std::size_t width = 0;  ///< the terminal's columns to fit; 0: never cut (piped output)
};

/// Aligned columns separated by two spaces. With a `width`, a table wider than it loses its
/// id columns, then its flexible columns are shortened (never below 12 columns or their
/// header) until it fits or nothing more can be cut.
void render_text_table(std::ostream& out, const Table& t, const TextTableStyle& style);
/// RFC 4180: quotes where needed, CRLF line ends; a cell starting with = + - @ gets a leading '.
/// `bom`: start with a UTF-8 byte-order mark (Excel reads a CSV file as UTF-8 only with one).
void render_csv(std::ostream& out, const Table& t, bool bom = false);
void render_markdown_table(std::ostream& out, const Table& t);

/// Escapes Markdown inline syntax so the text shows as written (`[x](javascript:..)` stays text).
std::string markdown_escape(std::string_view s);
std::string html_escape(std::string_view s);

}  // namespace kb
