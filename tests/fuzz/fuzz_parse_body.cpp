// libFuzzer target: the action extractor (task items, due and done dates, wikilinks, decisions).
// Built by `make fuzz` only (CMake option KB_FUZZ, clang).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "kb/base/diag.h"
#include "kb/parse/markdown.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  kb::DiagSink diags;
  kb::BodyFacts facts = kb::parse_body("fuzz.md", text, 5, diags);
  // Every location points into the body: at or after its first line, never past its end.
  std::size_t lines = 5;
  for (char c : text)
    if (c == '\n' || c == '\r') ++lines;
  auto check = [&](const kb::SourceLoc& loc) {
    if (loc.path != "fuzz.md" || loc.line < 0 || static_cast<std::size_t>(loc.line) > lines) std::abort();
  };
  for (const auto& t : facts.tasks) {
    check(t.loc);
    for (const auto& l : t.links) check(l.loc);
  }
  for (const auto& d : facts.decisions) check(d.loc);
  for (const auto& l : facts.links) check(l.loc);
  kb::find_wikilinks(text, {"fuzz.md", 1, 1});
  return 0;
}
