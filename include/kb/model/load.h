#pragma once
// load_kb(): a KB folder (through FileSystem) -> KnowledgeBase. Reads kb.yaml, parses every
// record file (in parallel; the result does not depend on thread count or file order),
// types the records, resolves every name and builds the indexes. Bad files are reported and
// skipped; everything else loads.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "kb/base/cache.h"
#include "kb/base/diag.h"
#include "kb/base/fs.h"
#include "kb/model/graph.h"

namespace kb {

/// The parts of a record a command may not need: a load leaves out those not asked for (reading
/// one throws PartNotLoaded) and says which it has in KnowledgeBase::has_minutes, has_actions,
/// has_text and has_links. A record's type, names, dates, attendees, organizations, topics, event,
/// affiliations and parent are always read.
struct RecordParts {
  /// A meeting's summary and decisions (Record::minutes): for `kb decisions`, `show`, reports,
  /// exports and meetings as JSON; most of a meeting's typed size.
  bool minutes = true;
  /// A meeting's action items (Record::actions): for `kb actions`, reports, exports and
  /// meetings as JSON.
  bool actions = true;
  /// The front matter as written and the body (NoteText::fields, body): for exports and the
  /// text filters (`show` reads its one note's with read_note_text()). On a warm load they come
  /// from the cache entries, which makes this the dearest part.
  bool text = true;
  /// The body's wikilinks, resolved (Record::mentions): for `graph` and exports.
  bool links = true;
};

/// Leaves in `r` only the `parts` asked for, as a load of only those gives it: the others are
/// not loaded (reading them throws PartNotLoaded).
void keep_parts(Record& r, RecordParts parts);
/// keep_parts() for every record, and the KB's has_text, has_links, has_minutes and has_actions; each
/// record's reads (what a patch needs, model/reads.h) are not loaded after.
void keep_parts(KnowledgeBase& kb, RecordParts parts);

struct LoadOptions {
  unsigned threads = 0;  ///< 0: one per core
  /// The index cache, or nullptr to parse every file. Entries are used only when the file's
  /// size, mtime, ctime, inode and device match (and, for a file changed within a few seconds of
  /// being cached, its content hash too); the cache is then brought up to date. Loading gives
  /// the same result with and without a cache.
  IndexCache* cache = nullptr;
  /// What to read of each record besides its type, names, dates and links; a load from the
  /// graph snapshot reads only the parts asked for.
  RecordParts parts;
  /// False for a command that prints errors only: the result then holds no warnings (a load
  /// from the snapshot reads only its errors), and a load without a cache, minutes, actions or text
  /// parses a body only when it may hold a #tag (the one thing such a load takes from it).
  /// Errors are the same either way.
  bool warnings = true;
  /// Called from the calling thread every 100 ms while files are read and parsed (so never for
  /// a quicker load), with the number of files done and the total.
  std::function<void(std::size_t done, std::size_t total)> progress;
  /// For reports, exports, graphs and kb serve: the audience to load for (`--audience`; ""
  /// takes kb.yaml's `audience:`). Notes whose visibility is above what it may see are left
  /// out as if not written, and so are lines tagged above it (model/visibility.h). A
  /// filtered load neither reads nor writes the graph snapshot. std::nullopt: everything.
  std::optional<std::string> audience;
  /// Keep the walk's notes in LoadResult::walk (kb search compares its index with them
  /// instead of walking the folders again).
  bool keep_walk = false;
};

struct LoadResult {
  KnowledgeBase kb;
  DiagSink diags;                    ///< sorted; errors and warnings of the whole KB
  std::vector<std::string> skipped;  ///< paths of files that could not be loaded
  std::size_t files = 0;             ///< record files seen
  std::size_t cache_hits = 0;        ///< files taken from the cache instead of parsed
  bool cache_updated = false;        ///< the cache was written (or had nothing to change)
  std::size_t withheld_notes = 0;    ///< notes left out for the audience
  std::size_t withheld_lines = 0;    ///< lines left out of the notes shown
  std::string audience_error;        ///< LoadOptions::audience named no audience (nothing loaded)
  std::vector<FileInfo> walk;        ///< the notes the walk found, with LoadOptions::keep_walk
};

/// What a load for an audience left out, in a line ("for this audience: 1 note and 2 lines
/// left out"), or "" when nothing was.
std::string withheld_summary(const LoadResult& r);

/// Loads the KB that `fs` is rooted at. Never throws for bad user data.
LoadResult load_kb(FileSystem& fs, const LoadOptions& options = {});

/// The format of the entries load_kb() writes to an IndexCache (changes when they change).
std::uint32_t cache_format_version();

/// Reads the front matter as written and the body of `r`'s note (its path, through `fs`) into
/// `r.text`: for a command that shows one note's text after a load without text. False, leaving
/// it empty, when the note cannot be read or does not parse any more, or `r` is a name no note
/// defines.
bool read_note_text(FileSystem& fs, Record& r);

/// Reads the summary and decisions of `r`'s note into `r.minutes`, as a load with them gives
/// them (for the audience of `config`, whose load it follows: read_whole_note): for a command
/// that shows a few meetings' minutes after a load without them (the weekly report). False,
/// leaving none, when the note cannot be read or typed now, or `r` is a name no note defines.
bool read_note_minutes(FileSystem& fs, const KbConfig& config, Record& r);

/// Reads kb.yaml text into a KbConfig; problems go to `diags`.
KbConfig parse_config(std::string_view path, std::string_view text, DiagSink& diags);

}  // namespace kb
