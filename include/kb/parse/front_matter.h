#pragma once
// Front matter: splits a note into its YAML block and body, and reads the YAML into a plain
// tree of strings (Value) that keeps every value's location. Scalars are kept as written
// (`no` is the string "no", dates are parsed later). yaml-cpp stays inside front_matter.cpp.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kb/base/diag.h"

namespace kb {

struct ValueEntry;

/// A YAML value as written: null, a scalar (text), a sequence (items) or a mapping (entries).
struct Value {
  enum class Kind { null, scalar, sequence, mapping };
  Kind kind = Kind::null;
  std::string text;                                  ///< scalar text
  std::vector<Value> items;                          ///< sequence
  std::vector<ValueEntry> entries;                   ///< mapping, in file order
  SourceLoc loc;

  bool is_null() const { return kind == Kind::null; }
  bool is_scalar() const { return kind == Kind::scalar; }
  bool is_sequence() const { return kind == Kind::sequence; }
  bool is_mapping() const { return kind == Kind::mapping; }
  /// The entry under `key` (exact match), or nullptr.
  const Value* find(std::string_view key) const;
  Value* find(std::string_view key);
  /// The scalar anywhere in this tree whose first character is at `line`:`column`, or nullptr.
  const Value* scalar_at(int line, int column) const;
  Value* scalar_at(int line, int column);
  /// The entry under the property `key` as vault apps match property names: exactly, else the
  /// first whose name equals it ignoring ASCII letter case (`Tags:` for `tags`); or nullptr.
  const Value* find_property(std::string_view key) const;
  /// The name, as written, of the entry find_property() finds (`Tags`), or "" when none.
  std::string_view property_name(std::string_view key) const;
};

/// One `key: value` of a mapping; `first`/`second` as in a pair, so `auto& [key, value]` works.
/// (Not a std::pair: clang with libstdc++ in C++20 rejects a pair of the incomplete Value.)
struct ValueEntry {
  std::string first;
  Value second;
  ValueEntry() = default;
  ValueEntry(std::string key, Value value) : first(std::move(key)), second(std::move(value)) {}
};

/// Equal as data: kinds, texts, items and entries in order (locations are not compared).
bool same_value(const Value& a, const Value& b);

struct FrontMatter {
  bool present = false;  ///< false: the file has no front matter (a plain note)
  Value fields;          ///< a mapping (empty when absent)
  std::size_t body_offset = 0;  ///< byte offset of the body in the text (after BOM)
  int body_line = 1;            ///< file line of the body's first line
  /// true: the front matter did not parse (reported), and the note is read as a plain note
  /// without fields, as Obsidian still shows it (issue 23)
  bool broken = false;
};

/// Splits and parses the front matter of `text` (BOM and CRLF accepted). A YAML error or a
/// front matter that is not a mapping is reported once to `diags` and yields std::nullopt.
std::optional<FrontMatter> parse_front_matter(std::string_view path, std::string_view text,
                                              DiagSink& diags);

/// The front matter of a note whose front matter parse_front_matter() rejected: no fields,
/// `broken` set, and the body after the closing fence (all of the text when there is none).
FrontMatter unread_front_matter(std::string_view path, std::string_view text);

/// Parses a whole YAML document (e.g. kb.yaml) into a Value; std::nullopt after one diagnostic.
std::optional<Value> parse_yaml_document(std::string_view path, std::string_view text,
                                        DiagSink& diags);

}  // namespace kb
