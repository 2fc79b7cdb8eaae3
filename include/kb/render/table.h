#pragma once
// Tabular output: one neutral Table, written as an aligned terminal table, CSV (RFC 4180) or a
// Markdown table. Every cell is made safe for its target (control and bidi characters shown
// escaped on a terminal, formula-looking CSV cells defused, `|` escaped in Markdown).

#include <ostream>
#include <stdexcept>
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
  /// Columns shown only in CSV or when --fields names them (a meeting's attendees, topics,
  /// location and tags): a terminal table stays short, a spreadsheet gets everything.
  std::vector<std::size_t> extra;
};

/// A column's name for --fields: its header in lower case with `_` for spaces ("LAST MET" ->
/// `last_met`). A field the user types matches with `-` or a space for `_`, in any case.
std::string field_name(std::string_view header);

/// --fields named a column that the table does not have; the message lists those it has.
class UnknownField : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

/// The columns to show, in place: those `fields` names, in that order (id columns then stay
/// when a terminal is narrow: the user asked for them); else every column but the `extra`
/// ones unless `with_extra`. Throws UnknownField before changing anything.
void choose_columns(Table& t, const std::vector<std::string>& fields, bool with_extra);

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
