#include "kb/model/visibility.h"

#include <string>

#include <doctest/doctest.h>

#include "kb/model/load.h"
#include "support/mem_fs.h"

using namespace kb;

namespace {

Visibility config(const char* yaml) {
  DiagSink diags;
  auto doc = parse_yaml_document("kb.yaml", yaml, diags);
  REQUIRE(doc);
  Visibility v = parse_visibility(*doc, diags);
  CHECK(diags.all().empty());
  return v;
}

// A KB with one open meeting holding a confidential action and an internal decision, one
// confidential meeting, and a person whose own note is internal.
test::MemFileSystem month() {
  test::MemFileSystem fs;
  fs.add("meetings/2025-03-03-sync.md",
         "---\ntype: meeting\ntitle: Team sync\ndate: 2025-03-03\nattendees: [\"[[Ana Bell]]\"]\n---\n"
         "## Decisions\n- Go ahead with the pilot\n- Raise the budget #internal\n\n"
         "## Actions\n- [ ] [[Ana Bell]] drafts the note\n- [ ] [[Ana Bell]] calls [[Omar Secret]] #confidential\n");
  fs.add("meetings/2025-03-04-minister.md",
         "---\ntype: meeting\ntitle: With the minister\ndate: 2025-03-04\nvisibility: Confidential\n---\n"
         "- [ ] [[Ana Bell]] follows up\n");
  fs.add("people/ana-bell.md", "---\ntype: person\nname: Ana Bell\nvisibility: internal\n---\n");
  return fs;
}

LoadResult load_for(test::MemFileSystem& fs, std::optional<std::string> audience) {
  LoadOptions o;
  o.threads = 1;
  o.audience = std::move(audience);
  return load_kb(fs, o);
}

std::size_t actions_of(const LoadResult& r) {
  std::size_t n = 0;
  for (const auto& rec : r.kb.records())
    if (rec.type == RecordType::meeting && rec.defined) n += rec.actions->size();
  return n;
}

}  // namespace

TEST_CASE("issue 26: audiences see their level and below; unknown words are the most restricted") {
  const Visibility v = config("visibility: [public, internal, secret]\naudiences: {partners: internal}\n");
  std::string error;
  CHECK(audience_level(v, "partners", error) == 1u);
  CHECK(audience_level(v, "external", error) == 0u);
  CHECK(audience_level(v, "Secret", error) == 2u);
  CHECK(!audience_level(v, "all", error));
  CHECK(error.empty());
  CHECK(!audience_level(v, "press", error));
  CHECK(error == "unknown audience 'press' (choose all, external, partners, or a level: public, internal, secret)");
  const AudienceFilter partners(v, 1);
  CHECK(partners.shows_note(""));
  CHECK(partners.shows_note("INTERNAL"));
  CHECK(!partners.shows_note("secret"));
  CHECK(!partners.shows_note("top-secret"));  // no level: hidden from all but `all`
  CHECK(partners.shows_line("- [ ] call #internal"));
  CHECK(!partners.shows_line("- [ ] call #secret and #public"));
  CHECK(partners.shows_line("- [ ] see issue#secret"));  // not a tag
  std::size_t dropped = 0;
  CHECK(partners.blank_lines("a\r\nb #secret\r\nc", dropped) == "a\r\n\r\nc");
  CHECK(dropped == 1);
}

TEST_CASE("issue 26: a load for an audience leaves out notes and tagged lines, keeping line numbers") {
  auto fs = month();
  const LoadResult all = load_for(fs, std::nullopt);
  CHECK(actions_of(all) == 3);
  CHECK(all.withheld_notes == 0);

  const LoadResult external = load_for(fs, "external");
  CHECK(external.audience_error.empty());
  CHECK(external.withheld_notes == 2);  // the minister's meeting and Ana Bell's own note
  CHECK(external.withheld_lines == 2);
  CHECK(actions_of(external) == 1);
  const Record* sync = external.kb.lookup_rid("meetings/2025-03-03-sync");
  REQUIRE(sync);
  REQUIRE(sync->minutes->decisions.size() == 1);
  CHECK((*sync->actions)[0].loc.line == 12);  // as written in the file
  CHECK(external.kb.lookup_rid("meetings/2025-03-04-minister") == nullptr);
  CHECK(external.kb.lookup_rid("people/ana-bell") == nullptr);
  for (const auto& rec : external.kb.records()) CHECK(rec.name != "Omar Secret");  // the withheld line's link is gone

  const LoadResult internal = load_for(fs, "internal");
  CHECK(internal.withheld_notes == 1);
  CHECK(internal.withheld_lines == 1);  // the #confidential action; the #internal decision stays
  CHECK(actions_of(internal) == 1);
  CHECK(internal.kb.lookup_rid("meetings/2025-03-03-sync")->minutes->decisions.size() == 2);

  const LoadResult bad = load_for(fs, "press");
  CHECK(!bad.audience_error.empty());
}

TEST_CASE("issue 26: minutes read after a load for an audience leave out its tagged lines too") {
  // The weekly report loads actions only and reads its week's minutes from their notes.
  auto fs = month();
  LoadOptions o;
  o.audience = "external";
  o.parts.minutes = false;
  const LoadResult external = load_kb(fs, o);
  Record sync = *external.kb.lookup_rid("meetings/2025-03-03-sync");
  REQUIRE(read_note_minutes(fs, external.kb.config, sync));
  REQUIRE(sync.minutes->decisions.size() == 1);  // not "Raise the budget #internal"
  CHECK(sync.minutes->decisions[0].text == "Go ahead with the pilot");
  o.audience = "internal";
  const LoadResult internal = load_kb(fs, o);
  sync = *internal.kb.lookup_rid("meetings/2025-03-03-sync");
  REQUIRE(read_note_minutes(fs, internal.kb.config, sync));
  CHECK(sync.minutes->decisions.size() == 2);
}

TEST_CASE("issue 26: kb.yaml's audience is the default; --audience all shows everything") {
  auto fs = month();
  fs.add("kb.yaml", "audience: external\n");
  CHECK(load_for(fs, "").withheld_notes == 2);
  CHECK(load_for(fs, "all").withheld_notes == 0);
  CHECK(load_for(fs, std::nullopt).withheld_notes == 0);  // commands that take no audience
}
