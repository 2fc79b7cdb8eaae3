#pragma once
// The full-text index (base/text_index.h) over SQLite FTS5: in the index cache's file, with
// the file stamps of each note indexed (so a search indexes again only the notes whose file
// changed since), or in memory for a run without the cache, through base/sqlite.h.

#include <memory>
#include <string>

#include "kb/base/text_index.h"

namespace kb {

/// `terms` as an FTS5 query that SQLite cannot read as anything else: every term is a quoted
/// string (a `"` inside doubled), the last word typed gets FTS5's prefix `*`, each group of
/// alternatives is parenthesised and joined with OR, groups with AND, exclusions with NOT.
/// Example: fts5_query({{{"ai"}}, {{"draft", false, true}}}) == R"(("ai") AND ("draft"*))".
/// Empty for empty terms.
std::string fts5_query(const SearchTerms& terms);

/// An index in memory, empty, for one run; nullptr when this SQLite has no FTS5.
std::unique_ptr<TextIndex> memory_text_index();

}  // namespace kb
