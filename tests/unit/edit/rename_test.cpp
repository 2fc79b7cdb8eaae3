#include "kb/edit/rename.h"

#include <doctest/doctest.h>

#include "kb/model/load.h"
#include "kb/model/names.h"
#include "support/mem_fs.h"

using namespace kb;
using kb::test::MemFileSystem;

namespace {

MemFileSystem rename_fs() {
  MemFileSystem fs;
  fs.add("kb.yaml", "name: Test\n");
  fs.add("people/ana-bell.md", "---\nname: Ana Bell\naliases: [A. Bell]\n---\nAna's own note about [[Ana Bell]].\n");
  fs.add("people/bo.md", "---\nname: Bo\n---\n");
  fs.add("meetings/m1.md",
         "---\ntitle: One\ndate: 2024-09-02\nattendees: [Ana Bell, Bo]  # both\n---\nSee [[Ana Bell#Bio|Ana]] and "
         "[[ana bell]].\n- [ ] Call [[Ana Bell]] due:2024-09-20\n");
  fs.add("meetings/m2.md",
         "---\ntitle: Two\ndate: 2024-09-03\nattendees:\n  - \"[[Ana Bell|Ana]]\"\n  - A. Bell\n---\n"
         "[profile](../people/ana-bell.md) and [[people/ana-bell]].\n");
  fs.add("meetings/m3.md", "---\ntitle: Three\ndate: 2024-09-04\nattendees:\n  - name: 'Ana Bell'\n    role: Chair\n---\n");
  return fs;
}

const Record& named(const KnowledgeBase& kb, const std::string& name) {
  DiagSink diags;
  auto id = resolve_any(kb, name, diags);
  REQUIRE(id);
  return kb.at(*id);
}

}  // namespace

TEST_SUITE("edit") {
  TEST_CASE("rename: every use by name or id follows, aliases stay, the file gets the new slug") {
    MemFileSystem fs = rename_fs();
    LoadResult before = load_kb(fs);
    const Record& ana = named(before.kb, "Ana Bell");
    RenamePlan plan = plan_rename(before.kb, fs, ana.id, "Ana Lee", {});
    for (const auto& p : plan.problems) MESSAGE(p);
    REQUIRE(plan.problems.empty());
    CHECK(plan.by_alias == 1);
    REQUIRE(plan.change.move);
    CHECK(plan.change.move->to == "people/ana-lee.md");
    CHECK(plan.change.notes.front().path == "people/ana-bell.md");
    ChangeResult done = apply_change(fs, plan.change);
    REQUIRE(done.ok);
    CHECK(done.last_step_failed.empty());
    CHECK_FALSE(fs.exists("people/ana-bell.md"));
    CHECK(fs.files["meetings/m1.md"] ==
          "---\ntitle: One\ndate: 2024-09-02\nattendees: [Ana Lee, Bo]  # both\n---\nSee [[Ana Lee#Bio|Ana]] and "
          "[[Ana Lee]].\n- [ ] Call [[Ana Lee]] due:2024-09-20\n");
    CHECK(fs.files["meetings/m2.md"] ==
          "---\ntitle: Two\ndate: 2024-09-03\nattendees:\n  - \"[[Ana Lee|Ana]]\"\n  - A. Bell\n---\n"
          "[profile](../people/ana-lee.md) and [[people/ana-lee]].\n");
    CHECK(fs.files["meetings/m3.md"] == "---\ntitle: Three\ndate: 2024-09-04\nattendees:\n  - name: Ana Lee\n    role: Chair\n---\n");
    CHECK(fs.files["people/ana-lee.md"] ==
          "---\nname: Ana Lee\naliases: [A. Bell, Ana Bell]\n---\nAna's own note about [[Ana Lee]].\n");

    LoadResult after = load_kb(fs);
    CHECK_FALSE(after.diags.has_errors());
    const Record& lee = named(after.kb, "Ana Lee");
    CHECK(lee.rid == "people/ana-lee");
    CHECK(after.kb.meetings_of(lee.id).size() == 3);
    CHECK(named(after.kb, "Ana Bell").id == lee.id);
    for (const Record& r : after.kb.records()) CHECK_MESSAGE(r.defined, r.name);
  }

  TEST_CASE("rename: --no-alias, a spelling change, a file name of the user's own") {
    MemFileSystem fs;
    fs.add("people/my-own.md", "---\nname: ana bell\n---\n");
    fs.add("m.md", "---\ntype: meeting\ntitle: T\ndate: 2024-01-01\nattendees: [ana bell]\n---\n");
    LoadResult kb = load_kb(fs);
    RenamePlan plan = plan_rename(kb.kb, fs, named(kb.kb, "ana bell").id, "Ana Bell", {});
    REQUIRE(plan.problems.empty());
    CHECK_FALSE(plan.change.move);  // people/my-own.md is not the slug of its name
    REQUIRE(apply_change(fs, plan.change).ok);
    CHECK(fs.files["people/my-own.md"] == "---\nname: Ana Bell\n---\n");  // no alias for a spelling
    CHECK(fs.files["m.md"] == "---\ntype: meeting\ntitle: T\ndate: 2024-01-01\nattendees: [Ana Bell]\n---\n");

    LoadResult again = load_kb(fs);
    RenamePlan second = plan_rename(again.kb, fs, named(again.kb, "Ana Bell").id, "Ana Lee", {false});
    REQUIRE(apply_change(fs, second.change).ok);
    CHECK(fs.files["people/my-own.md"] == "---\nname: Ana Lee\n---\n");
  }

  TEST_CASE("rename: a note that changed since it was read stops it, and what was written goes back") {
    MemFileSystem fs = rename_fs();
    LoadResult kb = load_kb(fs);
    RenamePlan plan = plan_rename(kb.kb, fs, named(kb.kb, "Ana Bell").id, "Ana Lee", {});
    REQUIRE(plan.change.notes.size() == 4);
    const MemFileSystem untouched = fs;
    fs.files["meetings/m3.md"] += "Typed meanwhile.\n";  // another program, after the plan
    ChangeResult done = apply_change(fs, plan.change);
    CHECK_FALSE(done.ok);
    CHECK(done.failed == "meetings/m3.md");
    CHECK(done.status == WriteStatus::changed);
    CHECK(done.not_restored.empty());
    for (const auto& [path, text] : untouched.files)
      if (path != "meetings/m3.md") CHECK_MESSAGE(fs.files[path] == text, path);
    CHECK(fs.files["meetings/m3.md"] == untouched.files.at("meetings/m3.md") + "Typed meanwhile.\n");
  }

  TEST_CASE("rename: a name kb cannot rewrite safely stops the plan") {
    MemFileSystem fs;
    fs.add("people/ana-bell.md", "---\nname: Ana Bell\n---\n");
    fs.add("m.md", "---\ntype: meeting\ntitle: T\ndate: 2024-01-01\nattendees:\n  - &a Ana Bell\n---\n");
    LoadResult kb = load_kb(fs);
    RenamePlan plan = plan_rename(kb.kb, fs, named(kb.kb, "Ana Bell").id, "Ana Lee", {});
    REQUIRE(plan.problems.size() == 1);
    CHECK(plan.problems[0].rfind("m.md: ", 0) == 0);
  }

  TEST_CASE("change diff: a unified diff a note at a time, then the rename") {
    KbChange c;
    c.notes.push_back({"a.md", "1\n2\n3\n", "1\nX\n3\n", 1});
    c.move = KbChange::Move{"a.md", "b.md"};
    CHECK(change_diff(c) == "--- a/a.md\n+++ b/a.md\n@@ -1,3 +1,3 @@\n 1\n-2\n+X\n 3\nrename a.md => b.md\n");
  }
}
