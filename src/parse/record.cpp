#include "kb/parse/record.h"

#include "kb/base/text.h"

namespace kb {
namespace {

int line_of_offset(std::string_view text, std::size_t offset) {
  int line = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i)
    if (text[i] == '\n') ++line;
  return line;
}

}  // namespace

std::optional<RawRecord> parse_record(std::string_view path, std::string_view text,
                                      DiagSink& diags, bool with_body) {
  if (text.substr(0, 2) == "\xFF\xFE" || text.substr(0, 2) == "\xFE\xFF") {
    diags.error({std::string(path), 1, 1}, "UTF-16 text is not supported (save the file as UTF-8)");
    return std::nullopt;
  }
  if (text.find('\0') != std::string_view::npos) {
    diags.error({std::string(path), 0, 0}, "binary file (contains NUL bytes); skipped");
    return std::nullopt;
  }
  std::size_t bad = find_invalid_utf8(text);
  if (bad != std::string_view::npos) {
    int line = line_of_offset(text, bad);
    std::size_t line_start = text.rfind('\n', bad == 0 ? 0 : bad - 1);
    int col = static_cast<int>(bad - (line_start == std::string_view::npos || bad == 0 ? 0 : line_start + 1)) + 1;
    diags.error({std::string(path), line, col}, "invalid UTF-8 (save the file as UTF-8)");
    return std::nullopt;
  }
  auto front = parse_front_matter(path, text, diags);
  if (!front) return std::nullopt;
  RawRecord rec;
  rec.path = std::string(path);
  rec.body = std::string(text.substr(front->body_offset));
  rec.front = std::move(*front);
  if (with_body) {
    rec.facts = parse_body(path, rec.body, rec.front.body_line, diags);
    rec.body_parsed = true;
  }
  return rec;
}

}  // namespace kb
