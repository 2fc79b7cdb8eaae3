#pragma once
// Reports: the weekly briefing (SPEC §3) and the one-page dossier (`kb report brief`), laid
// out by Mustache templates. This module turns query results into TemplateData and renders
// it with the escaping of the target (Markdown or HTML); it never reads files or runs
// programs: the CLI picks the template text and passes the SVG picture in.

#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "kb/model/graph.h"
#include "kb/query/profile.h"
#include "kb/query/weekly.h"
#include "kb/render/mustache.h"

namespace kb {

enum class ReportFormat { md, html };

/// "md" (or "markdown"), "html"; std::nullopt otherwise.
std::optional<ReportFormat> parse_report_format(std::string_view text);

/// The built-in template's file name, e.g. "weekly.html.mustache". `kind`: "weekly" or "brief".
std::string report_template_name(std::string_view kind, ReportFormat f);

/// The DOT text of the week's picture: people, their organizations and the meetings they
/// attended (what `dot -Tsvg` draws for the HTML report).
std::string weekly_graph_dot(const KnowledgeBase& kb, const WeeklyBriefing& b);

/// The template data of a weekly briefing. `svg`: the picture from Graphviz, or std::nullopt
/// when Graphviz is not installed (the HTML report then says so). See docs/reports.md for
/// every key. REQUIRES: every meeting's actions and the minutes of `b`'s meetings are loaded.
TemplateData weekly_data(const KnowledgeBase& kb, const WeeklyBriefing& b, ReportFormat f,
                         const std::optional<std::string>& svg);

/// The template data of one action item as reports list it (text, owner, due, done, meeting),
/// with `meeting_id`, `line` and `owner_rid` for pages that link or change it: an object whose
/// members are made when a template asks for them (TemplateData::object). `kb` outlives it.
TemplateData action_data(const KnowledgeBase& kb, const ActionRef& ref);
/// The template data of one meeting as the briefing lists it (head, attendees grouped by
/// organization, summary, decisions and every action item); the names that are records carry
/// their record ids (`rid`, `org_rid`, `owner_rid`) for pages that link them.
TemplateData meeting_data(const KnowledgeBase& kb, const WeeklyMeeting& wm, ReportFormat f);
/// The template data of a dossier on a person, organization, topic or event.
TemplateData brief_data(const KnowledgeBase& kb, const Profile& p, ReportFormat f);

/// "1 meeting", "3 meetings": a count with its noun, as the reports write them.
std::string count_text(std::size_t n, std::string_view one, std::string_view many);

/// Renders `tpl` with `data`, escaping every `{{value}}` for `f` (Markdown or HTML). Returns
/// false and sets `error` when the template is malformed.
bool render_report(std::ostream& out, std::string_view tpl, const TemplateData& data, ReportFormat f,
                   std::string& error);

/// An SVG document ready to inline in HTML: the XML declaration, DOCTYPE and comments are
/// removed. Returns "" for an SVG holding a script, a foreignObject or an event handler.
std::string inline_svg(std::string_view svg);

}  // namespace kb
