#pragma once
// A record file as text: its front matter and body facts, before names are resolved.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "kb/base/diag.h"
#include "kb/parse/front_matter.h"
#include "kb/parse/markdown.h"

namespace kb {

struct RawRecord {
  std::string path;  ///< relative to the KB root, with ".md"
  FrontMatter front;
  std::string body;  ///< the Markdown after the front matter
  BodyFacts facts;   ///< filled only when the body was parsed
  bool body_parsed = false;
};

/// How much of a body parse_record reads.
enum class BodyParse {
  none,  ///< none: the facts stay empty
  all,   ///< every fact (summary, decisions, tasks, links, tags) and its warnings
  /// Only what a #tag needs: the body is parsed (whole) when may_hold_tags() says it may hold
  /// one, else left unparsed, which gives the same tags. For a load that reads no minutes, actions,
  /// no links and no warnings.
  tags,
};

/// The largest record file parse_record reads (RealFileSystem skips larger ones while walking).
constexpr std::size_t kMaxRecordBytes = 16u << 20;

/// Parses one record file: front matter always, the body as `body` says. Returns
/// std::nullopt after reporting one error when the file cannot be read as a record: larger
/// than kMaxRecordBytes, UTF-16, binary (a NUL byte) or invalid UTF-8 (reported at its line).
/// A front matter error is reported too, and the note read as a plain note without fields
/// (`front.broken`; see unread_front_matter()). A UTF-8 BOM is skipped; LF, CRLF and bare CR all end lines.
std::optional<RawRecord> parse_record(std::string_view path, std::string_view text,
                                      DiagSink& diags, BodyParse body = BodyParse::all);

/// Reads the facts of `rec`'s body (BodyParse::all) again, as parse_record() read them, without
/// reporting what the first reading reported: for a record decoded from the cache, which keeps
/// none, or a body an audience sees less of.
void parse_body_again(RawRecord& rec);

}  // namespace kb
