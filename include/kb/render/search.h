#pragma once
// `kb search` hits -> std::ostream: a list of hits with their snippets on a terminal, or the
// usual table formats (json, jsonl, csv, md, ids). A snippet's matched words are shown in
// bold yellow when colour is on, else between « and » (brackets are common in notes' own
// text: [[links]], [ ] tasks).

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "kb/query/search.h"
#include "kb/render/output.h"

namespace kb {

enum class SnippetStyle {
  data,      ///< for JSON and CSV: whitespace runs as one space, matches between « and »
  terminal,  ///< as data, and every control or bidi character escaped (terminal_safe)
  color,     ///< as terminal, matches in bold yellow instead of « »
};

/// A snippet marked by the index (kSnippetOpen, kSnippetClose) as it is shown. A mark left
/// open is closed at the end. Example: render_snippet("a \x01b\x02", SnippetStyle::data) == "a «b»".
std::string render_snippet(std::string_view marked, SnippetStyle style);

/// The hits, best first, in `o.format`: on a terminal (table) each hit's type, title, date and
/// id on one line and its snippet indented below; JSON objects with id, path, type, name,
/// date, name_match, rank and snippet.
void render_search_hits(std::ostream& out, const KnowledgeBase& kb, const std::vector<SearchHit>& hits,
                        const RenderOptions& o);

}  // namespace kb
