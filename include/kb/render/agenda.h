#pragma once
// `kb today`: the agenda as text, Markdown or JSON.

#include <ostream>

#include "kb/query/agenda.h"
#include "kb/render/output.h"

namespace kb {

/// Text and Markdown: one screen, in sections (meetings with their prep, overdue, due this
/// week, waiting on me), each left out when empty. JSON: {today, last_day, week_end,
/// meetings: [{meeting, counterpart_open_actions, last_meetings}], overdue, due_this_week,
/// waiting_on_me: [{person, since, actions}]}.
/// The open actions the text and Markdown show under each meeting (JSON has all).
inline constexpr std::size_t kPrepActionsShown = 3;

void render_agenda(std::ostream& out, const KnowledgeBase& kb, const Agenda& a, const RenderOptions& o);

}  // namespace kb
