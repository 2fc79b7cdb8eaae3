#pragma once
// Results -> std::ostream in the format the user chose (SPEC §2 --format): meetings, records,
// actions, decisions, one record's profile (`kb show`) and diagnostics.

#include <optional>
#include <ostream>
#include <string_view>
#include <vector>

#include "kb/base/diag.h"
#include "kb/model/graph.h"
#include "kb/query/actions.h"
#include "kb/query/meetings.h"
#include "kb/query/profile.h"
#include "kb/render/table.h"

namespace kb {

enum class OutputFormat { table, json, jsonl, csv, md, ids };
/// JSON, as one array or one value a line.
inline bool is_json(OutputFormat f) { return f == OutputFormat::json || f == OutputFormat::jsonl; }

/// "table", "json", "jsonl", "csv", "md", "ids"; std::nullopt otherwise.
std::optional<OutputFormat> parse_output_format(std::string_view text);

struct RenderOptions {
  OutputFormat format = OutputFormat::table;
  bool color = false;
  bool explain = false;  ///< meetings: show why each matched
  bool bom = false;      ///< CSV: start with a UTF-8 byte-order mark (for Excel)
  Date today;            ///< what is past (last met), planned (next) and overdue
  std::size_t width = 0; ///< tables fit this many terminal columns; 0: never cut (piped)
  std::vector<std::string> fields;  ///< --fields: the columns of a table, CSV or Markdown table
};

/// A listing in the chosen format other than JSON: `ids` one a line (empty ones left out),
/// else `t` as CSV, a Markdown table or a terminal table (fitted to `o.width`), showing the
/// columns `o.fields` names (else its usual ones; CSV adds the extra ones). Throws
/// UnknownField (render/table.h) for a field the table does not have.
void render_table(std::ostream& out, Table t, const std::vector<std::string>& ids, const RenderOptions& o);

void render_meetings(std::ostream& out, const KnowledgeBase& kb,
                     const std::vector<MeetingMatch>& meetings, const RenderOptions& o);
/// People, organizations, topics or events with meeting counts, the date last met and the
/// next planned meeting (as of `o.today`).
void render_records(std::ostream& out, const KnowledgeBase& kb, const std::vector<NodeId>& ids,
                    const RenderOptions& o);
void render_actions(std::ostream& out, const KnowledgeBase& kb,
                    const std::vector<ActionRef>& actions, const RenderOptions& o);
void render_decisions(std::ostream& out, const KnowledgeBase& kb,
                      const std::vector<DecisionRef>& decisions, const RenderOptions& o);
/// `kb show`: the record's fields, relations, meetings, co-attendees, topics, open actions.
void render_profile(std::ostream& out, const KnowledgeBase& kb, const Profile& p,
                    const RenderOptions& o);
/// Diagnostics as JSON objects ({path, line, column, severity, message}).
void render_diagnostics_json(std::ostream& out, const std::vector<Diagnostic>& diags, bool lines);

/// "nlohmann-json X.Y.Z" (for --version).
std::string json_library_version();

}  // namespace kb
