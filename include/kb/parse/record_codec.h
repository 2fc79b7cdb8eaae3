#pragma once
// A compact binary form of a parsed record file (RawRecord plus the diagnostics its parse
// reported), for the index cache: every field round-trips exactly. The format is versioned
// and checksummed; decode rejects anything it did not write itself (a truncated, corrupt or
// foreign-version blob) instead of guessing. No disk or database access here.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kb/base/diag.h"
#include "kb/parse/record.h"

namespace kb {

/// Bump whenever the encoding or any encoded struct (RawRecord, FrontMatter, Value, BodyFacts,
/// TaskItem, Decision, WikiLink, Diagnostic) changes; caches written by another version are
/// then rebuilt. Encode/decode bind every struct member by structured binding, so adding a
/// member without updating the codec fails to compile.
inline constexpr std::uint32_t kRecordFormatVersion = 6;

/// Encodes `rec` and the diagnostics its parse reported (`diags`, in order).
std::string encode_record(const RawRecord& rec, const std::vector<Diagnostic>& diags = {});

/// Decodes what encode_record() wrote into `rec` and `diags` (appended). Returns false, leaving
/// `rec` unspecified, when `data` is truncated, corrupt or of another format version.
bool decode_record(std::string_view data, RawRecord& rec, std::vector<Diagnostic>& diags);

/// Decodes only the front matter and the body of what encode_record() wrote for the file at
/// `path` (the locations in `fields` share it): for a load that takes a note's text from its
/// cache entry. Returns false when `data` is truncated, corrupt, of another format version or
/// of another file. The whole entry is checked, as decode_record() checks it.
bool decode_record_text(std::string_view data, const SharedPath& path, FrontMatter& front, std::string& body);

/// A 64-bit hash of `text` (checksum64; content checks for the cache, not cryptographic).
std::uint64_t content_hash(std::string_view text);

}  // namespace kb
