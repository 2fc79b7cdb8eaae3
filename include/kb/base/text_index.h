#pragma once
// The full-text index seam (`kb search`): a store of one document per note, keyed by the
// note's path, that answers a parsed search with ranked paths and marked snippets. It knows
// nothing of records or graphs: query/search.h decides what a note's document holds and when
// it is indexed again (the index keeps the stamps of the file each document was read from).
// store/text_index.h holds the SQLite FTS5 implementation, kept in the index cache's file
// (incremental) or in memory for a run without the cache.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "kb/base/fs.h"

namespace kb {

/// One term of a search as the user wrote it: a word, or a "quoted phrase".
struct SearchTerm {
  std::string text;
  bool phrase = false;  ///< written in quotes: its words in this order
  bool prefix = false;  ///< the last word typed: also matches words that start with it
};

/// A parsed search: every group must match (each group: any of its terms, written with OR),
/// and none of `none_of`.
struct SearchTerms {
  std::vector<std::vector<SearchTerm>> all_of;
  std::vector<SearchTerm> none_of;
  bool empty() const { return all_of.empty(); }
};

/// What is indexed of one note; the fields are weighted in this order (title highest).
struct IndexedNote {
  std::string path;
  std::string title;      ///< a meeting's title, a record's name
  std::string names;      ///< aliases, and every name folded (transliterated) where that differs
  std::string summary;
  std::string decisions;  ///< one a line
  std::string actions;    ///< one a line
  std::string body;       ///< the body, generated sections left out
  FileInfo stamps;        ///< of the file the note was read from (its `path` is not used)
};

/// A note that matched: its path, its rank (lower is better: bm25 as SQLite gives it) and,
/// when asked for, a snippet of its best field with each matched word between kSnippetOpen
/// and kSnippetClose (texts are indexed without control characters, so the marks are unique).
struct TextHit {
  std::string path;
  double rank = 0;
  std::string snippet;
};

inline constexpr char kSnippetOpen = '\x01';
inline constexpr char kSnippetClose = '\x02';

class TextIndex {
 public:
  virtual ~TextIndex() = default;
  /// Every note indexed under `key`, with the stamps of the file it was read from, sorted by
  /// path; std::nullopt when the caller must index every note: the index is new, was built
  /// under another `key` (what else a document depends on: kb.yaml's text), or cannot be read.
  /// The index is then empty. A note indexed within a few seconds of its file's mtime comes
  /// back with zero stamps, so that it is indexed again: an edit in the same clock tick as the
  /// one indexed can leave every stamp as it was.
  virtual std::optional<std::vector<FileInfo>> indexed(const std::string& key) = 0;
  /// Replaces the documents of `put` (and their stamps) and drops those of `remove` (paths it
  /// does not hold are ignored), and records `key`, at once. False when the index could not be
  /// written (it is left as it was).
  virtual bool update(const std::vector<IndexedNote>& put, const std::vector<std::string>& remove,
                      const std::string& key) = 0;
  /// The notes that match `terms`, best first (ties by path), at most `limit` (0: all).
  /// Empty for empty terms.
  virtual std::vector<TextHit> find(const SearchTerms& terms, std::size_t limit) = 0;
  /// Fills the snippet of each hit (at most about `words` words around the matches).
  virtual void snippets(const SearchTerms& terms, std::vector<TextHit>& hits, std::size_t words) = 0;
};

}  // namespace kb
