#pragma once
// The encodings of the values every cached structure is made of (locations, dates, front-matter
// values, diagnostics), shared by parse/record_codec (one parsed file) and model/graph_codec
// (a whole loaded graph) so that both write them the same way. Locations name their file only
// when it differs from the record's own path (`record_path`), which most of them share.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kb/base/binary.h"
#include "kb/base/date.h"
#include "kb/base/diag.h"
#include "kb/parse/front_matter.h"

namespace kb {

void put(BinaryWriter& w, const SourceLoc& loc, std::string_view record_path);
void get(BinaryReader& r, SourceLoc& loc, const SharedPath& record_path);
void put(BinaryWriter& w, const std::optional<Date>& d);
void get(BinaryReader& r, std::optional<Date>& d);
void put(BinaryWriter& w, const Value& v, std::string_view record_path);
/// Fails the reader on values nested deeper than a parse could have produced.
void get(BinaryReader& r, Value& v, const SharedPath& record_path, int depth = 0);
void put(BinaryWriter& w, const std::vector<std::string>& v);
void get(BinaryReader& r, std::vector<std::string>& v);
void put(BinaryWriter& w, const Diagnostic& d, std::string_view record_path);
void get(BinaryReader& r, Diagnostic& d, const SharedPath& record_path);

}  // namespace kb
