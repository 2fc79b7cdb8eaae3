#pragma once
// A whole loaded graph in binary form, for the index cache's graph snapshot: every record as
// typed and resolved, the indexes, the files skipped and the diagnostics the files gave; each
// record's text (front matter as written, body, wikilinks) apart, for the loads that want it.
// load_kb() stores one after a load and, on the next run, takes it instead of loading when the
// KB's fingerprint (every note's path and stamps, kb.yaml, the format) is the same. Like
// record_codec, the format is versioned and checksummed (per chunk of records, so chunks
// decode on every core) and decode rejects anything it did not write itself: a NodeId out of
// range, a bad enum, a truncated or corrupt chunk. No disk or database access here.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kb/base/diag.h"
#include "kb/model/load.h"

namespace kb {

/// Bump whenever the encoding or an encoded struct (Record and its parts, the indexes of
/// KnowledgeBase) changes. Encode/decode bind every struct member by structured binding, so a
/// member added without updating the codec fails to compile.
inline constexpr std::uint32_t kGraphFormatVersion = 6;

/// Encodes `result` under fingerprint `key`, with `file_diags`, the diagnostics the records gave
/// (those of kb.yaml and of the walk are found afresh on every run, so they are not stored).
/// kb.config and kb.root are left out too: they come from kb.yaml and the caller on every run.
/// The result is in parts, to be written one after the other without a joined copy.
std::vector<std::string> encode_graph(std::uint64_t key, const LoadResult& result,
                                      const std::vector<Diagnostic>& file_diags, unsigned threads);

/// Decodes what encode_graph() wrote (its parts joined) under the same `key` into `result`:
/// the graph (kb.config kept), `skipped` and `files` are replaced, the stored diagnostics
/// appended to `result.diags` (unsorted). Returns false, leaving `result` untouched, when
/// `data` is of another key or format, truncated, corrupt or inconsistent. Without `text`,
/// each record's front-matter tree, body and wikilinks (Record::fields, body, mentions) are
/// left empty and their bytes are not read (nor checked: a damaged text part fails only a load
/// that reads it).
bool decode_graph(std::string_view data, std::uint64_t key, LoadResult& result, unsigned threads,
                  bool text = true);

}  // namespace kb
