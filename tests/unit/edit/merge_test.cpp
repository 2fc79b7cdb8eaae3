#include "kb/edit/merge.h"

#include <doctest/doctest.h>

#include "kb/model/load.h"
#include "kb/model/names.h"
#include "support/mem_fs.h"

using namespace kb;
using kb::test::MemFileSystem;

namespace {

NodeId id_of(const KnowledgeBase& kb, const std::string& name) {
  DiagSink diags;
  auto id = resolve_any(kb, name, diags);
  REQUIRE(id);
  return *id;
}

}  // namespace

TEST_SUITE("edit") {
  TEST_CASE("merge: names, affiliations and fields move; conflicts and the body are kept; uses follow") {
    MemFileSystem fs;
    fs.add("orgs/sea.md", "---\ntype: organization\nname: Sea\n---\n");
    fs.add("people/ana.md", "---\nname: Ana\nhonorific: Ms.\naffiliations:\n  - org: Sea\n    role: R\n---\nMine.\n");
    fs.add("people/ann.md",
           "---\nname: Ann\naliases: [A]\nhonorific: Dr.\ntags: [x]\naffiliations:\n  - org: Sea\n    role: R\n"
           "  - org: Sea\n    role: Chair\n---\nTheirs.\n");
    fs.add("m.md", "---\ntype: meeting\ntitle: T\ndate: 2024-01-01\nattendees: [Ann, A]\n---\n[[people/ann]]\n");
    LoadResult kb = load_kb(fs);
    MergePlan plan = plan_merge(kb.kb, fs, id_of(kb.kb, "Ann"), id_of(kb.kb, "Ana"));
    REQUIRE(plan.problems.empty());
    CHECK(plan.moved == std::vector<std::string>{"alias 'Ann'", "alias 'A'", "affiliation 'Sea' (Chair)", "field 'tags'"});
    CHECK(plan.conflicts == std::vector<std::string>{"honorific: Dr. (kept: Ms.)"});
    CHECK(plan.by_alias == 1);
    REQUIRE(apply_change(fs, plan.change).ok);
    CHECK_FALSE(fs.exists("people/ann.md"));
    CHECK(fs.files["m.md"] == "---\ntype: meeting\ntitle: T\ndate: 2024-01-01\nattendees: [Ana, A]\n---\n[[people/ana]]\n");
    CHECK(fs.files["people/ana.md"] ==
          "---\nname: Ana\nhonorific: Ms.\naffiliations:\n  - org: Sea\n    role: R\n  - org: Sea\n    role: Chair\n"
          "aliases: [Ann, A]\ntags: [x]\n---\nMine.\n\n## Merged from Ann\n\n- honorific: Dr. (kept: Ms.)\n\nTheirs.\n");
    LoadResult after = load_kb(fs);
    CHECK_FALSE(after.diags.has_errors());
    CHECK(after.kb.meetings_of(id_of(after.kb, "Ann")).size() == 1);
  }
}
