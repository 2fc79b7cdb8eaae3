// libFuzzer target: the record parser (front matter split, YAML walk with its bounds, body facts).
// Built by `make fuzz` only (CMake option KB_FUZZ, clang).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "kb/base/diag.h"
#include "kb/parse/record.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  kb::DiagSink diags;
  auto rec = kb::parse_record("fuzz.md", text, diags, kb::BodyParse::all);
  // A record that fails to parse always says why; every diagnostic names the file.
  if (!rec && !diags.has_errors()) std::abort();
  for (const auto& d : diags.all())
    if (d.loc.path != "fuzz.md" || d.loc.line < 0 || d.loc.column < 0) std::abort();
  if (rec && rec->front.body_offset > text.size()) std::abort();
  return 0;
}
