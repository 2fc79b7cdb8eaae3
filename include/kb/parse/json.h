#pragma once
// JSON text (another app's settings, such as Obsidian's `.obsidian/app.json`) into the same
// plain tree of strings as front matter (Value), each value with its location. nlohmann-json
// stays inside json.cpp.

#include <optional>
#include <string_view>

#include "kb/base/diag.h"
#include "kb/parse/front_matter.h"

namespace kb {

/// Parses one JSON document into a Value: objects are mappings (keys in file order), arrays
/// sequences, strings scalars with their text unescaped, numbers and `true`/`false` scalars as
/// written, `null` null. Locations are 1-based, columns counted in characters. A syntax error
/// or nesting deeper than 64 levels is one error to `diags`, at the place it was found, and
/// yields std::nullopt. Text of white space only is an empty mapping.
std::optional<Value> parse_json(std::string_view path, std::string_view text, DiagSink& diags);

}  // namespace kb
