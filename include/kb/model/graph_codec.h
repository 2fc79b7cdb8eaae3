#pragma once
// A whole loaded graph in binary form, for the index cache's graph snapshot: every record as
// typed and resolved, the indexes, the files skipped and the diagnostics the files gave; each
// meeting's minutes (summary, decisions), its actions and each record's wikilinks apart, for the
// loads that want them. A note's front matter as written and its body are not in it: a load
// with text takes them from the cache entries (load_kb), which hold them already.
// load_kb() stores one after a load with the notes' paths and stamps and, on the next run,
// takes it instead of loading when kb.yaml and the format are the same and so are the notes
// (or a few of them changed in a way graph_patch can apply). Like record_codec, the format is
// versioned and checksummed (per chunk of records, so chunks decode on every core) and decode
// rejects anything it did not write itself: a NodeId out of range, a bad enum, a truncated or
// corrupt chunk. No disk or database access here.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "kb/base/diag.h"
#include "kb/model/load.h"
#include "kb/model/record_builder.h"

namespace kb {

/// Bump whenever the encoding or an encoded struct (Record and its parts, the indexes of
/// KnowledgeBase) changes. Encode/decode bind every struct member by structured binding, so a
/// member added without updating the codec fails to compile.
inline constexpr std::uint32_t kGraphFormatVersion = 23;

/// Encodes `result` under key `key` (kb.yaml and the formats), with `files`, the notes it was
/// loaded from with their stamps (as the walk gave them), and `file_diags`, the diagnostics the
/// records gave (those of kb.yaml and of the walk are found afresh on every run, so they are not
/// stored). kb.config and kb.root are left out too: they come from kb.yaml and the caller on
/// every run. The snapshot is handed to `write` a part at a time, in order, as it is encoded
/// (never whole in memory); false when a write failed (the rest is then not encoded).
bool encode_graph(std::uint64_t key, const std::vector<FileInfo>& files, const LoadResult& result,
                  const std::vector<Diagnostic>& file_diags, unsigned threads,
                  const std::function<bool(std::string_view part)>& write);
/// The same, its parts kept in order (tests, the fuzzer).
std::vector<std::string> encode_graph(std::uint64_t key, const std::vector<FileInfo>& files, const LoadResult& result,
                                      const std::vector<Diagnostic>& file_diags, unsigned threads);

/// How the notes a snapshot was built from differ from the notes now: indexes (into the walk's
/// `files`, ascending) of the notes whose stamps changed and of the notes added, and the paths of
/// the notes removed (in path order).
struct NoteChanges {
  std::vector<std::size_t> changed;
  std::vector<std::size_t> added;
  std::vector<std::string> removed;
  std::size_t size() const { return changed.size() + added.size() + removed.size(); }
};

/// Called by decode_graph() once the stored notes are compared with `files`, before any record
/// is decoded, with how they differ (maybe not at all); returning false stops the decode. When
/// notes differ, the decode gives each record's reads too (Record::reads), for patching them in.
using AcceptChanged = std::function<bool(const NoteChanges& changes)>;

/// Decodes what encode_graph() wrote (its parts joined) under the same `key` into `result`:
/// the graph (kb.config kept), `skipped` and `files` (the stored count) are replaced, the
/// stored diagnostics appended to `result.diags` (unsorted). `files` must be in path order, as
/// the walk gives them; `accept` decides on the notes changed, added or removed since (an empty
/// `accept` takes no change); `files` is not read after it returns true, so it may let `files` go.
/// Returns false, leaving `result` untouched, when `data` is of another key or format, of other
/// notes, truncated, corrupt or inconsistent, or `accept` said no. Only the `parts` asked for
/// are read (minutes, actions, and for RecordParts::links the wikilinks): the members of the others
/// are left empty and their bytes are not read (nor checked: a damaged minutes, actions or links part
/// fails only a load that reads it). NoteText::fields and body are never in a snapshot
/// (KnowledgeBase::has_text is false). `data` is read a part at a time, each part when it is
/// decoded, into a buffer of the decoding thread; the parts not decoded are not read. Without
/// `warnings` only the stored errors are read (the warnings are a part of their own).
bool decode_graph(const ByteSource& data, std::uint64_t key, const std::vector<FileInfo>& files,
                  const AcceptChanged& accept, LoadResult& result, unsigned threads, RecordParts parts = {},
                  bool warnings = true);
/// The same, from bytes in memory.
inline bool decode_graph(std::string_view data, std::uint64_t key, const std::vector<FileInfo>& files,
                         const AcceptChanged& accept, LoadResult& result, unsigned threads, RecordParts parts = {},
                         bool warnings = true) {
  return decode_graph(MemorySource(data), key, files, accept, result, threads, parts, warnings);
}

/// A note as build_record() typed it (names not resolved), for the note's cache entry: a whole
/// load that finds it under the same `key` (what typing reads besides the note: kb.yaml and
/// the Tasks filter) takes it instead of parsing and typing the note again. Holds `record`
/// with every part, of its text only the front matter's `name:` entry (what a load without
/// text keeps; the entry's parse holds the whole text), `sides`, the record's name `keys`
/// (KnowledgeBase::name_keys) and the note's diagnostics, of its parse and its typing.
std::string encode_typed_note(std::uint64_t key, const Record& record, const RecordSides& sides,
                              const std::vector<std::string>& keys, const std::vector<Diagnostic>& diags);
/// Decodes what encode_typed_note() wrote under the same `key` into `record` (its text holding
/// the `name:` entry only), `sides`, `keys` and `diags` (replaced), its shared texts from `pool`.
/// False, the outputs unspecified, when `data` is of another key or format, truncated or corrupt.
bool decode_typed_note(std::string_view data, std::uint64_t key, Record& record, RecordSides& sides,
                       std::vector<std::string>& keys, std::vector<Diagnostic>& diags, StringPool& pool);

}  // namespace kb
