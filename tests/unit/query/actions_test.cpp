#include "kb/query/actions.h"

#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "kb/model/load.h"
#include "support/mem_fs.h"

using namespace kb;

namespace {

std::vector<std::string> listed(const KnowledgeBase& kb, const ActionFilter& f) {
  std::vector<std::string> out;
  for (const ActionRef& ref : find_actions(kb, f))
    out.push_back(kb.at(ref.meeting).rid + ":" + std::to_string(action_at(kb, ref).loc.line));
  return out;
}

}  // namespace

TEST_SUITE("query") {
  TEST_CASE("issue 23: tasks outside meetings are listed with all_notes, with their note as the source") {
    test::MemFileSystem fs;
    fs.add("meetings/a.md", "---\ntitle: A\ndate: 2024-09-02\n---\n- [ ] In the meeting due:2024-09-10\n");
    fs.add("people/bo.md", "---\nname: Bo\n---\n- [ ] Call Bo back due:2024-09-05\n");
    fs.add("notes/todo.md", "# Todo\n\n> - [ ] Quoted [[Bo]]\n- [x] Done already\n");
    auto r = load_kb(fs);
    ActionFilter f;
    CHECK(listed(r.kb, f) == std::vector<std::string>{"meetings/a:5"});  // the default: meetings only
    f.all_notes = true;
    CHECK(listed(r.kb, f) == std::vector<std::string>{"people/bo:4", "meetings/a:5", "notes/todo:3"});
    const Record& todo = *r.kb.lookup_rid("notes/todo");
    CHECK(r.kb.at((*todo.actions)[0].owner).rid == "people/bo");
    f.state = ActionState::done;
    CHECK(listed(r.kb, f) == std::vector<std::string>{"notes/todo:4"});
  }

  TEST_CASE("actions: open on a day, as that day ended") {
    test::MemFileSystem fs;
    fs.add("meetings/a.md", "---\ntitle: A\ndate: 2024-09-02\n---\n"
                            "- [ ] Still open\n"               // line 5
                            "- [x] Done later ✅ 2024-09-20\n"  // 6: open on the 10th
                            "- [x] Done that day ✅ 2024-09-10\n"
                            "- [x] Done, no date\n"             // closed before any day
                            "- [-] Cancelled later ❌ 2024-09-30\n"
                            "- [-] Cancelled, no date\n");
    fs.add("meetings/b.md", "---\ntitle: B\ndate: 2024-09-11\n---\n- [ ] Not yet written\n");
    auto r = load_kb(fs);
    ActionFilter f;
    f.state = ActionState::all;
    f.open_on = Date{2024, 9, 10};
    CHECK(listed(r.kb, f) == std::vector<std::string>{"meetings/a:5", "meetings/a:6", "meetings/a:9"});
    f.open_on = Date{2024, 9, 11};
    CHECK(listed(r.kb, f) == std::vector<std::string>{"meetings/a:5", "meetings/a:6", "meetings/a:9", "meetings/b:5"});
    f.open_on = Date{2024, 9, 1};  // before the meeting
    CHECK(listed(r.kb, f).empty());
  }
}
