#pragma once
// Emitting YAML (the front matter kb writes), beside the parser: every string a YAML 1.1 or 1.2
// reader could misread is quoted. yaml-cpp's emitter does the writing; this is its one home.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kb {

struct YamlEntry;

/// A front-matter value to emit: a string, a date (written plain when it is a valid
/// YYYY-MM-DD, else quoted), a sequence or a mapping, in the order given.
struct YamlOut {
  enum class Kind { text, date, sequence, mapping };
  Kind kind = Kind::text;
  std::string text;
  bool flow = false;  ///< sequences: `[a, b]` instead of one item a line
  std::vector<YamlOut> items;
  std::vector<YamlEntry> entries;  ///< mapping (a struct, not a pair: YamlOut is incomplete here)

  static YamlOut str(std::string s);
  static YamlOut date(std::string s);
  static YamlOut seq(bool flow);
  static YamlOut map();
  /// Mapping: appends `key: value` (REQUIRES: kind == mapping).
  YamlOut& add(std::string key, YamlOut value);
  /// Sequence: appends (REQUIRES: kind == sequence).
  YamlOut& push(YamlOut value);
};

/// One `key: value` of a mapping; `auto& [key, value]` works as for a pair.
struct YamlEntry {
  std::string first;
  YamlOut second;
  YamlEntry(std::string key, YamlOut value) : first(std::move(key)), second(std::move(value)) {}
};

/// True when `s` written as a plain YAML scalar could be read back as anything but this
/// string by a YAML 1.1 or 1.2 reader (`no`, `on`, `~`, `null`, `14:00`, `1e3`, dates, a
/// leading indicator such as `[ { * & ! | > ' " % @ \``, `: ` or ` #`, leading or trailing
/// spaces, control characters). Errs on the side of quoting.
bool yaml_needs_quotes(std::string_view s);

/// Emits a mapping as block YAML (no `---` lines), ending with a newline.
/// REQUIRES: `mapping.kind == YamlOut::Kind::mapping`.
std::string emit_yaml(const YamlOut& mapping);

/// Emits one value on one line, with emit_yaml's quoting rules: a scalar as emit_yaml writes
/// it, a sequence or mapping in flow style (`[a, "b: c"]`, `{org: X, role: Y}`).
/// Example: emit_yaml_inline(YamlOut::str("no")) == "\"no\"".
std::string emit_yaml_inline(const YamlOut& value);

}  // namespace kb
