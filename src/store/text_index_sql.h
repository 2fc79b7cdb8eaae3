#pragma once
// The full-text index's tables, shared by the index cache's schema (cache.cpp) and the index
// (text_index.cpp). Private to src/store.

#include <memory>

#include "kb/base/sqlite.h"
#include "kb/base/text_index.h"

namespace kb {

/// The FTS5 table and its documents' paths and file stamps, created when missing.
extern const char* const kSearchTables;
/// Drops the index (when the cache is emptied for another version).
extern const char* const kDropSearch;

/// The index kept in the cache's database `db`, which must outlive it.
std::unique_ptr<TextIndex> cached_text_index(sqlite::Database& db);

}  // namespace kb
