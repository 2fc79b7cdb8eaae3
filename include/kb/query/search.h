#pragma once
// `kb search`: what a note's search document holds, keeping the full-text index up to date
// with a loaded KB, and ranked hits: records whose name matches the words first, then the
// index's notes by rank, under the same filters as `kb query`. The index itself is the
// TextIndex seam (base/text_index.h; SQLite FTS5 in store/text_index.h).

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kb/base/text_index.h"
#include "kb/model/graph.h"
#include "kb/query/meetings.h"

namespace kb {

/// The most terms a search reads; later ones are dropped (SearchSyntax::truncated).
constexpr std::size_t kMaxSearchTerms = 32;

/// Parses a search as typed: words (all must match; the last one also as a prefix), "a
/// phrase", `A OR B`, `-word` (must not match). A term with no letter or digit (`*`, `-`, a
/// lone `"`) says nothing and is dropped, and an unclosed quote runs to the end. Never fails.
/// Example: parse_search("\"concept note\" unesco OR iesalc -draft").
SearchTerms parse_search(std::string_view text, bool* truncated = nullptr);

/// What is indexed of `r`: its name (a meeting's title), its aliases and the name keys of
/// all its names, its summary, decisions and actions as read (plain_text) and its body without
/// generated sections. REQUIRES: `r` holds its text, minutes and actions.
IndexedNote indexed_note(const Record& r);

/// Brings `index` up to date with the notes on disk, `files` (the KB's walk, sorted by path,
/// as FileSystem::list_markdown gives it): indexes again each note of `kb` whose file stamps
/// differ from those the index holds or that it does not hold (every one when the index cannot
/// tell), and drops the documents of files gone or no longer a note of `kb`. Whatever the load
/// did (a whole load, a graph snapshot patched, a snapshot as it was), the stamps decide. A
/// record is taken as it is when `kb` holds text, minutes and actions, else from `read`, which gives
/// it with both (std::nullopt when the note cannot be read now: its document is dropped).
/// `key` is what else documents depend on (kb.yaml's text). Returns how many documents were
/// written or dropped, or std::nullopt when the index could not be written.
/// A `kb` with text suits an index for one run only: a note edited between the load and the
/// walk would be indexed as loaded under its new stamps (`read` reads after the walk).
std::optional<std::size_t> sync_text_index(TextIndex& index, const KnowledgeBase& kb, const std::vector<FileInfo>& files,
                                           const std::string& key,
                                           const std::function<std::optional<Record>(const Record&)>& read);

/// What the documents of the KB at `fs` depend on besides their notes: kb.yaml's text (its
/// types and field names), as a key for sync_text_index().
std::string text_index_key(FileSystem& fs);

/// sync_text_index() for the KB at `fs` as loaded in `kb`, against the notes its load walked
/// (`walk`, kept with LoadOptions::keep_walk); a changed note is read when `kb` lacks its text.
std::optional<std::size_t> sync_text_index(TextIndex& index, FileSystem& fs, const KnowledgeBase& kb,
                                           const std::vector<FileInfo>& walk);

/// The order of hits: best first, or by the date of the note (undated notes last).
enum class SearchOrder { rank, oldest, newest };

struct SearchRequest {
  SearchTerms terms;
  SearchOrder order = SearchOrder::rank;
  std::optional<MeetingFilter> meetings;  ///< only meetings that pass it (`--org`, `--since`, ...)
  std::vector<RecordType> types;          ///< only these types; empty: every type
  std::size_t limit = 20;                 ///< 0: no limit (only the hits kept get snippets)
  std::size_t snippet_words = 12;
};

struct SearchHit {
  NodeId id;
  bool name_match = false;  ///< a person, organization, topic or event whose name has every word
  bool text_match = false;  ///< the index found the words in the note
  double rank = 0;          ///< the index's rank when text_match (lower is better)
  std::string snippet;      ///< marked with kSnippetOpen/kSnippetClose; empty when none
};

/// The hits of `r`, best first: records whose name or alias holds every word (as word
/// prefixes, case, accents and honorifics aside; one typo allowed in a word of five letters or
/// more), nearest names first, then the other notes the index finds, by rank; or every hit by
/// date when `r.order` says so. `total`, when given, is set to the number of hits before the
/// limit.
std::vector<SearchHit> find_hits(const KnowledgeBase& kb, TextIndex& index, const SearchRequest& r,
                                 std::size_t* total = nullptr);

}  // namespace kb
