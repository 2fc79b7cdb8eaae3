#pragma once
// Confidentiality: how far a note, or one line of it, may be shown, and which audience may
// see what. A note says `visibility: confidential` (front matter or `visibility::` inline); a
// line says it with a tag (`- [ ] Call the minister #confidential`). kb.yaml names the levels
// (least restricted first) and the audiences:
//
//   visibility: [public, internal, confidential]   # the default levels
//   audiences: {external: public, partners: internal}
//   audience: external      # reports, exports, graphs and kb serve, unless --audience
//
// An audience sees every level up to its own; a note without `visibility:` is at the first
// level. An unknown level word is the most restricted one (kb never shows by mistake what
// the writer meant to hide).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kb/base/diag.h"
#include "kb/parse/front_matter.h"
#include "kb/parse/record.h"

namespace kb {

struct Visibility {
  std::vector<std::string> levels = {"public", "internal", "confidential"};
  /// Audience name -> the last level it may see (kb.yaml `audiences:`; `external` sees the
  /// first level unless kb.yaml says otherwise).
  std::vector<std::pair<std::string, std::size_t>> audiences;
  /// kb.yaml `audience:`: the audience of reports, exports, graphs and kb serve when no
  /// --audience is given; empty: everything.
  std::string audience;
};

/// kb.yaml's `visibility:`, `audiences:` and `audience:` (problems to `diags`).
Visibility parse_visibility(const Value& config, DiagSink& diags);

/// The levels, least restricted first, for messages: "public, internal, confidential".
std::string level_list(const Visibility& v);

/// The level `word` names (letter case aside), or std::nullopt.
std::optional<std::size_t> level_named(const Visibility& v, std::string_view word);

/// The last level `audience` may see: a level's own name, an audience of kb.yaml, or
/// `external`; std::nullopt for `all` (everything). Sets `error` for an unknown name.
std::optional<std::size_t> audience_level(const Visibility& v, std::string_view audience, std::string& error);

/// The level of one line: the most restricted `#level` tag in it, or std::nullopt.
std::optional<std::size_t> line_level(const Visibility& v, std::string_view line);

/// What an audience is shown of the notes a load reads: whole notes above its level are left
/// out, and so are lines tagged above it.
class AudienceFilter {
 public:
  AudienceFilter(const Visibility& v, std::size_t max_level) : v_(v), max_(max_level) {}
  /// Whether a note whose `visibility:` says `word` (empty: none) may be shown.
  bool shows_note(std::string_view word) const;
  /// Whether a line may be shown.
  bool shows_line(std::string_view line) const;
  /// `text` with the lines that may not be shown made empty (their line breaks kept, so every
  /// other line keeps its number); adds how many there were to `dropped`.
  std::string blank_lines(std::string_view text, std::size_t& dropped) const;
  /// Whether a note whose front matter is `fields` may be shown (by its `visibility:`).
  bool shows_fields(const Value& fields) const;
  /// How much may be shown of a note with front matter `fields` and `body`: none of it (its
  /// `visibility:`), all of it, or a part (a line of it is tagged above the audience).
  enum class Shown { none, all, part };
  Shown shown(const Value& fields, std::string_view body) const;
  /// Leaves in a parsed note only what may be shown: false when the whole note may not be
  /// (its `visibility:` is above the audience); else its body loses the lines tagged above
  /// the audience (counted in `dropped`), and its facts (tasks, decisions, summary, links,
  /// tags) are read again from what is left.
  bool apply(RawRecord& raw, std::size_t& dropped) const;

 private:
  const Visibility& v_;
  std::size_t max_;
};

}  // namespace kb
