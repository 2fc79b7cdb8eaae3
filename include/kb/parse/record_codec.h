#pragma once
// A compact binary form of a parsed record file (RawRecord plus the diagnostics its parse
// reported), for the index cache: its path, front matter and body round-trip exactly, and so
// do the diagnostics; the body's facts are not kept (a function of the body, they are read
// again with parse_body_again(), and a cache entry holds the note as typed beside it). The
// format is versioned and checksummed; decode rejects anything it did not write itself (a
// truncated, corrupt or foreign-version blob) instead of guessing. No disk or database access.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kb/base/diag.h"
#include "kb/parse/record.h"

namespace kb {

/// Bump whenever the encoding or any encoded struct (RawRecord, FrontMatter, Value,
/// Diagnostic) changes; caches written by another version are
/// then rebuilt. Encode/decode bind every struct member by structured binding, so adding a
/// member without updating the codec fails to compile.
inline constexpr std::uint32_t kRecordFormatVersion = 7;

/// Encodes `rec` and the diagnostics its parse reported (`diags`, in order).
std::string encode_record(const RawRecord& rec, const std::vector<Diagnostic>& diags = {});

/// Decodes what encode_record() wrote into `rec` (its facts empty and `body_parsed` false) and
/// `diags` (appended). Returns false, leaving `rec` unspecified, when `data` is truncated,
/// corrupt or of another format version.
bool decode_record(std::string_view data, RawRecord& rec, std::vector<Diagnostic>& diags);

/// Decodes only the front matter and the body of what encode_record() wrote for the file at
/// `path` (the locations in `fields` share it): for a load that takes a note's text from its
/// cache entry. Returns false when `data` is truncated, corrupt, of another format version or
/// of another file. The whole entry is checked, as decode_record() checks it.
bool decode_record_text(std::string_view data, const SharedPath& path, FrontMatter& front, std::string& body);

/// The size of what encode_record() wrote at the start of `data` (as its header says), which
/// bytes of a later stage may follow (a cache entry puts the note as typed there); 0 when
/// `data` does not start with an encoded record of this format. Nothing past the header is
/// checked: decode_record() of that prefix does.
std::size_t encoded_record_size(std::string_view data);

/// A 64-bit hash of `text` (checksum64; content checks for the cache, not cryptographic).
std::uint64_t content_hash(std::string_view text);

}  // namespace kb
