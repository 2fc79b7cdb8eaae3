#include "kb/parse/record.h"

#include <algorithm>

#include <fmt/format.h>

#include "kb/base/text.h"

namespace kb {
namespace {

// The 1-based line and byte column of `offset`; LF, CR and CRLF end a line (as in CommonMark).
SourceLoc loc_of_offset(std::string_view path, std::string_view text, std::size_t offset) {
  int line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))) {
      ++line;
      line_start = i + 1;
    }
  }
  return {std::string(path), line, static_cast<int>(offset - line_start) + 1};
}

// UTF-16 without a byte order mark: ASCII text has a NUL in every other byte.
bool looks_like_utf16(std::string_view text) {
  std::size_t n = std::min<std::size_t>(text.size(), 512) & ~std::size_t{1};
  if (n < 4) return false;
  std::size_t even = 0, odd = 0;
  for (std::size_t i = 0; i < n; i += 2) {
    if (text[i] == '\0') ++even;
    if (text[i + 1] == '\0') ++odd;
  }
  std::size_t half = n / 2;
  return (even * 4 >= half * 3 && odd == 0) || (odd * 4 >= half * 3 && even == 0);
}

}  // namespace

std::optional<RawRecord> parse_record(std::string_view path, std::string_view text,
                                      DiagSink& diags, BodyParse body) {
  if (text.size() > kMaxRecordBytes) {
    diags.error(
        {std::string(path), 0, 0},
        fmt::format("file is larger than {} MiB; skipped (split it into smaller notes)", kMaxRecordBytes >> 20));
    return std::nullopt;
  }
  if (text.substr(0, 2) == "\xFF\xFE" || text.substr(0, 2) == "\xFE\xFF" || looks_like_utf16(text)) {
    diags.error({std::string(path), 1, 1}, "UTF-16 text is not supported (save the file as UTF-8)");
    return std::nullopt;
  }
  if (std::size_t nul = text.find('\0'); nul != std::string_view::npos) {
    diags.error(loc_of_offset(path, text, nul), "binary file (contains a NUL byte); skipped");
    return std::nullopt;
  }
  std::size_t bad = find_invalid_utf8(text);
  if (bad != std::string_view::npos) {
    diags.error(loc_of_offset(path, text, bad), "invalid UTF-8 (save the file as UTF-8)");
    return std::nullopt;
  }
  // Front matter that does not parse is reported, and the note read as a plain note (its
  // body's links and tasks, its file name), as Obsidian reads it.
  auto front = parse_front_matter(path, text, diags);
  if (!front) front = unread_front_matter(path, text);
  RawRecord rec;
  rec.path = std::string(path);
  rec.body = std::string(text.substr(front->body_offset));
  rec.front = std::move(*front);
  if (body == BodyParse::all || (body == BodyParse::tags && may_hold_tags(rec.body))) {
    rec.facts = parse_body(rec.front.fields.loc.path, rec.body, rec.front.body_line, diags);  // one path string
    rec.body_parsed = true;
  }
  return rec;
}

void parse_body_again(RawRecord& rec) {
  DiagSink said;  // the first reading reported them
  rec.facts = parse_body(rec.front.fields.loc.path, rec.body, rec.front.body_line, said);
  rec.body_parsed = true;
}

}  // namespace kb
