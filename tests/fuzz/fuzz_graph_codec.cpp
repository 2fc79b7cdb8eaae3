// libFuzzer target: the graph snapshot codec on whatever a note can hold. The input is loaded as
// the one note of an in-memory KB (beside a person and an organization it may name); the loaded
// graph must encode, decode completely, and encode again to the same bytes; its typed part alone
// must decode to the same records with their text empty; a cut copy must be rejected. The note
// as typed (a cache entry's typed part) must round-trip, and the input read as a typed note
// must be rejected or decoded safely. Built by `make fuzz` only (CMake option KB_FUZZ, clang).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "kb/model/graph_codec.h"
#include "kb/model/load.h"
#include "kb/model/record_builder.h"
#include "support/mem_fs.h"

namespace {

std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) out += p;
  return out;
}

// The note typed as a whole load types it must encode, decode and encode again to the same
// bytes; `input` itself, read as a typed note, must not crash.
void typed_note(const kb::KbConfig& config, std::string_view input) {
  const std::string path = "meetings/fuzz.md";
  kb::DiagSink diags;
  kb::StringPool pool;
  kb::Record back;
  kb::RecordSides back_sides;
  std::vector<std::string> back_keys;
  std::vector<kb::Diagnostic> back_diags;
  kb::decode_typed_note(input, 7, back, back_sides, back_keys, back_diags, pool);
  auto raw = kb::parse_record(path, input, diags);
  if (!raw) return;
  kb::Record rec;
  rec.path = kb::SharedPath(path);
  rec.rid = kb::record_id(path);
  kb::RecordSides sides;
  if (!kb::build_record(config, std::move(*raw), rec, sides, diags)) return;
  const std::string note = kb::encode_typed_note(7, rec, sides, kb::KnowledgeBase::name_keys(rec), diags.all());
  back = kb::Record();
  if (!kb::decode_typed_note(note, 7, back, back_sides, back_keys, back_diags, pool)) std::abort();
  if (kb::encode_typed_note(7, back, back_sides, back_keys, back_diags) != note) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  kb::test::MemFileSystem fs;
  fs.add("people/ana.md", "---\nname: Ana Lopez\naffiliations:\n  - org: IESALC\n---\n");
  fs.add("orgs/iesalc.md", "---\nname: UNESCO-IESALC\naliases: [IESALC]\n---\n");
  fs.add("meetings/fuzz.md", std::string(reinterpret_cast<const char*>(data), size));
  kb::LoadOptions options;
  options.threads = 1;
  kb::LoadResult loaded = kb::load_kb(fs, options);
  const std::vector<kb::Diagnostic> none;
  const std::string bytes = joined(kb::encode_graph(7, {}, loaded, none, 1));
  kb::LoadResult back;
  if (!kb::decode_graph(bytes, 7, {}, {}, back, 1)) std::abort();
  if (joined(kb::encode_graph(7, {}, back, none, 1)) != bytes) std::abort();
  if (back.kb.records().size() != loaded.kb.records().size()) std::abort();
  // The typed part with the outcomes: the same records, their text left empty.
  kb::LoadResult typed;
  if (!kb::decode_graph(bytes, 7, {}, {}, typed, 1, {true, false, false}) || typed.kb.has_links) std::abort();
  if (typed.kb.records().size() != loaded.kb.records().size()) std::abort();
  for (std::size_t i = 0; i < typed.kb.records().size(); ++i) {
    const kb::Record& t = typed.kb.records()[i];
    const kb::Record& l = loaded.kb.records()[i];
    if (t.rid != l.rid || t.name != l.name || t.outcomes->actions.size() != l.outcomes->actions.size()) std::abort();
    if (t.text.present()) std::abort();
    if (!l.rid.empty() && typed.kb.lookup_rid(l.rid) != &t && loaded.kb.lookup_rid(l.rid) == &l) std::abort();
  }
  // The typed part alone: the same records, their outcomes and text left empty.
  kb::LoadResult outline;
  if (!kb::decode_graph(bytes, 7, {}, {}, outline, 1, {false, false, false}) || outline.kb.has_outcomes) std::abort();
  if (outline.kb.records().size() != loaded.kb.records().size()) std::abort();
  for (std::size_t i = 0; i < outline.kb.records().size(); ++i) {
    const kb::Record& t = outline.kb.records()[i];
    const kb::Record& l = loaded.kb.records()[i];
    if (t.rid != l.rid || t.attendees.size() != l.attendees.size()) std::abort();
    if (t.outcomes.present() || t.text.present()) std::abort();
  }
  kb::LoadResult cut;
  if (kb::decode_graph(std::string_view(bytes).substr(0, bytes.size() - 1 - size % 17), 7, {}, {}, cut, 1)) std::abort();
  typed_note(loaded.kb.config, std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
