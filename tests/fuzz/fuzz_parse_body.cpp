// libFuzzer target: the action extractor (task items, due and done dates, wikilinks, decisions),
// and the Markdown budget on long repetitions of a pattern (issue 24).
// Built by `make fuzz` only (CMake option KB_FUZZ, clang).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "kb/base/diag.h"
#include "kb/parse/markdown.h"

namespace {

// Pathological Markdown is a short pattern repeated (`*_` x 10^6, `[[` x 10^6, a link reference
// used 10^4 times): an input whose first byte is '\x01' is its second byte's worth of
// repetitions (x 256) of the rest, up to 64 KB, so the fuzzer explores such bodies too. (Up to
// 512 KB, 128 K of '[Y' took 10 s under ASan and UBSan, past run.sh's 2 s per input; the
// budget's own cut is pinned by tests/unit/parse/markdown_budget_test.cpp.) A body over the
// budget is cut, with the warning.
std::string expand(std::string_view in) {
  if (in.size() < 3 || in[0] != '\x01') return std::string(in);
  std::string_view pattern = in.substr(2);
  std::size_t times = (static_cast<unsigned char>(in[1]) + 1) * std::size_t{256};
  times = std::min(times, (std::size_t{64} << 10) / pattern.size() + 1);
  std::string out;
  out.reserve(pattern.size() * times);
  for (std::size_t i = 0; i < times; ++i) out += pattern;
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string expanded = expand(std::string_view(reinterpret_cast<const char*>(data), size));
  std::string_view text = expanded;
  kb::DiagSink diags;
  kb::BodyFacts facts = kb::parse_body("fuzz.md", text, 5, diags);
  // The budget: a body over it is read up to its cut, with one warning saying so.
  const bool cut = kb::markdown_budget_end(text) < text.size();
  bool warned = false;
  for (const auto& d : diags.all())
    warned = warned || d.message.find("markup characters; the rest of it is not read") != std::string::npos;
  if (cut != warned) std::abort();
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
