#pragma once
// From a parsed file to a typed Record: decides the type (kb.yaml's `types:` rules, then
// `type:`, else the first folder), reads the fields of that type (through kb.yaml's field
// names, Obsidian's habits included: links in YAML values, comma-separated tags and aliases),
// and validates them. Names are not resolved here (load_kb does that once every record is known).

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kb/base/diag.h"
#include "kb/base/fs.h"
#include "kb/model/graph.h"
#include "kb/parse/record.h"

namespace kb {

/// The type that kb.yaml's `types:` rules give a record with id `rid` and front matter
/// `fields`, or std::nullopt when no rule matches.
std::optional<RecordType> match_type_rules(const KbConfig& config, std::string_view rid, const Value& fields);

/// What building a record gives beside it, for building the graph only: for each action in
/// order, the targets of its wikilinks (the owner is the first that resolves to a person),
/// and for each attendee that the meeting gives an organization or role, in order, those.
struct RecordSides {
  std::vector<std::vector<std::string>> action_links;
  std::vector<AttendeeInline> attendees;
  /// The body's wikilinks when the record keeps none (a load without text drops
  /// Record::mentions as soon as the note is typed), for the warnings resolving them gives;
  /// held apart (`packed_links`), as most loads pack none and a slot is kept per note.
  struct PackedLinks {
    struct Mark {
      std::uint32_t text = 0;  ///< which of the distinct texts the link has
      int line = 0;
      int column = 0;
    };
    std::string texts;                ///< each distinct link text once, end to end
    std::vector<std::uint32_t> ends;  ///< where each distinct text ends in `texts`
    std::vector<Mark> marks;          ///< every link, in order
    /// Takes `mentions` (left empty): a few bytes a link instead of a NameRef and its string,
    /// and a text written several times in one note (most are) is kept once. Replaces what
    /// the links held.
    void pack(std::vector<NameRef>& mentions);
    /// The text of a mark.
    std::string_view text(const Mark& m) const;
  };
  std::unique_ptr<PackedLinks> packed_links;  ///< null: none
  /// Where each `![[embed]]` of a note is (line, column), in order: a missing one is reported
  /// as a missing embed, not as an unresolved link.
  std::vector<std::pair<int, int>> embeds;
  /// The note's embeds of files that are not notes (`![[pic.png]]`), as written: resolving
  /// the note reports those the KB has no file for (KnowledgeBase::has_attachment).
  std::vector<NameRef> attachment_embeds;
};

/// Fills `r` (whose `path` and `rid` are set) from `raw`, taking its contents (moved, not
/// copied), and `sides`. Returns false, after reporting one error, when the record must be
/// skipped (a missing title or date, a path that is not valid UTF-8). A name field of the wrong
/// shape (`attendees: 42`, `organizations: {name: X}`) is an error at its value and is left
/// empty; the record is kept. With `names`, the texts of the front matter's names, roles, tags, times, time
/// zones and places come from that pool (equal texts shared: a load keeps one pool a worker;
/// the body's tags too), and with `link_names` the texts of the body's wikilinks (a load that
/// drops them after typing passes none, as a pool's lookups would gain nothing); without,
/// each text is a string of its own.
bool build_record(const KbConfig& config, RawRecord&& raw, Record& r, RecordSides& sides, DiagSink& diags,
                  StringPool* names = nullptr, StringPool* link_names = nullptr);

/// Reads the note text at `path` as a load would (parsed, then typed against `config`; names
/// are not resolved): false when it has an error (reported to `diags` with its location), so
/// that a load would skip it or lose a field. `kb edit` checks a note with it, as visudo does.
bool check_note_text(const KbConfig& config, std::string_view path, std::string_view text, DiagSink& diags);

/// Reads, parses and types `r`'s note (its path, through `fs`) against `config`, with every
/// part (text, minutes, actions, links; names not resolved): a note a load read without them, as a
/// load with them gives it (`kb search` indexes it so), for the audience of `config` (its lines
/// above it left out). std::nullopt when it cannot be read, parsed or typed now, or the
/// audience may not see it.
std::optional<Record> read_whole_note(FileSystem& fs, const KbConfig& config, const Record& r);

}  // namespace kb
