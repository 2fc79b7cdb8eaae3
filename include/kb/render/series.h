#pragma once
// `kb show SERIES`: a recurring series' history (query/series.h) in the format asked for:
// its rhythm, the next meeting (planned, or the date its rhythm gives), each meeting with its
// open actions counted, newest first, and the open actions of the whole series.

#include <ostream>
#include <string>
#include <vector>

#include "kb/query/series.h"
#include "kb/render/output.h"

namespace kb {

/// What `kb show` says about one series.
struct SeriesView {
  Series series;
  std::vector<SeriesEntry> history;   ///< newest first
  Cadence cadence;
  std::vector<ActionRef> open_actions;  ///< of every meeting of the series, oldest meeting first
};

/// Gathers the view of `s` as of `today`.
SeriesView build_series_view(const KnowledgeBase& kb, const Series& s, const Date& today);

/// `kb list series`: each series with its meeting count, first and last meeting, the next one
/// (planned, else by its rhythm, as of `o.today`) and its rhythm; `--format ids` gives names.
/// Reads no minutes or actions.
void render_series_list(std::ostream& out, const KnowledgeBase& kb, const std::vector<Series>& all,
                        const RenderOptions& o);

/// Renders `v` as text, Markdown, JSON (one object, `"type": "series"`) or ids (its meetings).
void render_series(std::ostream& out, const KnowledgeBase& kb, const SeriesView& v, const RenderOptions& o);

}  // namespace kb
