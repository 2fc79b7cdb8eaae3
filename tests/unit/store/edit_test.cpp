#include "kb/store/edit.h"

#include <doctest/doctest.h>

#include "support/mem_fs.h"

using namespace kb;

namespace {
const Date kOn{2024, 9, 10};
}

TEST_SUITE("store") {
  TEST_CASE("edit: an open task gets [x] and the stamp, nothing else changes") {
    std::string text = "---\ntitle: T\n---\n## Actions\n- [ ] Send the agenda due:2024-10-15\n- [ ] Other\n";
    MarkResult r = mark_action_done(text, 5, kOn);
    REQUIRE(r.status == MarkStatus::ok);
    CHECK(r.line == "- [ ] Send the agenda due:2024-10-15");
    CHECK(r.text == "---\ntitle: T\n---\n## Actions\n- [x] Send the agenda due:2024-10-15 ✅ 2024-09-10\n- [ ] Other\n");
  }

  TEST_CASE("edit: CRLF endings, indentation, other markers and a last line without newline are kept") {
    SUBCASE("crlf") {
      MarkResult r = mark_action_done("a\r\n  * [ ] x  \r\nb\r\n", 2, kOn);
      REQUIRE(r.status == MarkStatus::ok);
      CHECK(r.text == "a\r\n  * [x] x ✅ 2024-09-10\r\nb\r\n");
    }
    SUBCASE("numbered, in a quote, no final newline") {
      MarkResult r = mark_action_done("> 1. [ ] quoted", 1, kOn);
      REQUIRE(r.status == MarkStatus::ok);
      CHECK(r.text == "> 1. [x] quoted ✅ 2024-09-10");
    }
  }

  TEST_CASE("edit: lines that are not open tasks are refused") {
    std::string text = "- [x] done\n- plain item\n[ ] not in a list\n-[ ] no space\n- [ ]x glued\n";
    CHECK(mark_action_done(text, 1, kOn).status == MarkStatus::already_done);
    CHECK(mark_action_done(text, 2, kOn).status == MarkStatus::not_a_task);
    CHECK(mark_action_done(text, 3, kOn).status == MarkStatus::not_a_task);
    CHECK(mark_action_done(text, 4, kOn).status == MarkStatus::not_a_task);
    CHECK(mark_action_done(text, 5, kOn).status == MarkStatus::not_a_task);
    CHECK(mark_action_done(text, 6, kOn).status == MarkStatus::no_such_line);
    CHECK(mark_action_done(text, 0, kOn).status == MarkStatus::no_such_line);
    CHECK(mark_action_done(text, 99, kOn).text.empty());
  }

  TEST_CASE("edit: a file changed since it was read is not written") {
    test::MemFileSystem fs;
    std::string read = "- [ ] a\n";
    fs.add("m.md", "- [ ] a\n- [ ] added meanwhile\n");
    EditResult e = write_action_done(fs, "m.md", read, 1, kOn);
    CHECK(e.status == WriteStatus::changed);
    CHECK(fs.files["m.md"] == "- [ ] a\n- [ ] added meanwhile\n");
    fs.add("m.md", read);
    e = write_action_done(fs, "m.md", read, 1, kOn);
    CHECK(e.status == WriteStatus::ok);
    CHECK(fs.files["m.md"] == "- [x] a ✅ 2024-09-10\n");
  }
}

TEST_SUITE("store") {
  TEST_CASE("edit: bare CR line ends count as lines, as CommonMark counts them") {
    MarkResult r = mark_action_done("# A\r- [ ] x\r", 2, kOn);
    REQUIRE(r.status == MarkStatus::ok);
    CHECK(r.text == "# A\r- [x] x ✅ 2024-09-10\r");
    CHECK(r.edited == "- [x] x ✅ 2024-09-10");
  }
}

TEST_SUITE("store") {
  TEST_CASE("issue 24: mixed line ends: the line named is the one marked, every ending kept") {
    const std::string text = "# A\r\n- [ ] one\r- [ ] two\n- [ ] three\r\n";
    MarkResult r = mark_action_done(text, 3, kOn);
    REQUIRE(r.status == MarkStatus::ok);
    CHECK(r.line == "- [ ] two");
    CHECK(r.text == "# A\r\n- [ ] one\r- [x] two ✅ 2024-09-10\n- [ ] three\r\n");
    CHECK(mark_action_done(text, 4, kOn).line == "- [ ] three");
    CHECK(mark_action_done(text, 5, kOn).status == MarkStatus::no_such_line);
  }

  TEST_CASE("issue 24: an action whose text begins with brackets gets its first box marked") {
    MarkResult r = mark_action_done("- [ ] [x] foo\n- [ ] [ ] bar\n", 1, kOn);
    REQUIRE(r.status == MarkStatus::ok);
    CHECK(r.edited == "- [x] [x] foo ✅ 2024-09-10");
    r = mark_action_done("- [ ] [x] foo\n- [ ] [ ] bar\n", 2, kOn);
    REQUIRE(r.status == MarkStatus::ok);
    CHECK(r.text == "- [ ] [x] foo\n- [x] [ ] bar ✅ 2024-09-10\n");
    CHECK(mark_action_done("- [x] [ ] baz\n", 1, kOn).status == MarkStatus::already_done);
  }
}

TEST_SUITE("store") {
  TEST_CASE("change task: cancel, reopen, due and owner change the one line, Tasks' way") {
    using Op = TaskChange::Op;
    auto change = [](std::string_view text, Op op, const char* date = "2024-09-10", std::string from = "",
                     std::string to = "") {
      TaskChange c;
      c.op = op;
      c.date = *parse_date(date);
      c.owner_from = std::move(from);
      c.owner_to = std::move(to);
      MarkResult r = change_task(text, 2, c);
      return r.status == MarkStatus::ok ? r.text : "status " + std::to_string(static_cast<int>(r.status));
    };
    const std::string open = "a\n- [ ] Send [[Ana]] due:2024-09-20 ^id1\nb\n";
    // A trailing block id stays at the end of the line, as Tasks keeps it.
    CHECK(change(open, Op::cancel) == "a\n- [-] Send [[Ana]] due:2024-09-20 \xE2\x9D\x8C 2024-09-10 ^id1\nb\n");
    CHECK(change(open, Op::done) == "a\n- [x] Send [[Ana]] due:2024-09-20 \xE2\x9C\x85 2024-09-10 ^id1\nb\n");
    CHECK(change(open, Op::due, "2024-10-01") == "a\n- [ ] Send [[Ana]] due:2024-10-01 ^id1\nb\n");
    CHECK(change("a\n- [ ] Send\n", Op::due, "2024-10-01") == "a\n- [ ] Send \xF0\x9F\x93\x85 2024-10-01\n");
    CHECK(change(open, Op::owner, "2024-09-10", "Ana", "Bo Chen") == "a\n- [ ] Send [[Bo Chen]] due:2024-09-20 ^id1\nb\n");
    CHECK(change("a\n- [ ] Send\n", Op::owner, "2024-09-10", "", "Bo") == "a\n- [ ] Send [[Bo]]\n");
    CHECK(change("a\r\n- [x] Sent \xE2\x9C\x85 2024-09-03 ok\r\n", Op::reopen) == "a\r\n- [ ] Sent ok\r\n");
    CHECK(change("a\n- [-] No \xE2\x9D\x8C 2024-09-03\n", Op::reopen) == "a\n- [ ] No\n");
    CHECK(change(open, Op::reopen) == "status 4");         // not_closed
    CHECK(change("a\n- [x] Sent\n", Op::cancel) == "status 3");  // already_done
  }

  TEST_CASE("add task: at the end of the Actions section, else a new one at the end") {
    int line = 0;
    CHECK(add_task("# M\n## Actions\n- [ ] One\n\n## Notes\nx\n", "Two", line) ==
          "# M\n## Actions\n- [ ] One\n- [ ] Two\n\n## Notes\nx\n");
    CHECK(line == 4);
    CHECK(add_task("## Actions\n\n", "Two", line) == "## Actions\n\n- [ ] Two\n\n");
    CHECK(line == 3);
    CHECK(add_task("---\nt: 1\n---\nBody", "Two", line) == "---\nt: 1\n---\nBody\n\n## Actions\n\n- [ ] Two\n");
    CHECK(line == 8);
  }
}

TEST_SUITE("store") {
  TEST_CASE("issue 23: any one-character status is a task; x, X and - are closed") {
    TaskChange c;
    c.date = *parse_date("2024-09-10");
    CHECK(change_task("- [>] Forwarded\n", 1, c).text == "- [x] Forwarded \xE2\x9C\x85 2024-09-10\n");
    CHECK(change_task("> - [!] Urgent\n", 1, c).text == "> - [x] Urgent \xE2\x9C\x85 2024-09-10\n");
    CHECK(change_task("- [X] Done\n", 1, c).status == MarkStatus::already_done);
    CHECK(change_task("- [ab] text\n", 1, c).status == MarkStatus::not_a_task);
  }

  TEST_CASE("issue 23: done on a recurring task writes its next occurrence above it") {
    TaskChange c;
    c.date = *parse_date("2024-09-10");
    const std::string R = "\xF0\x9F\x94\x81", due = "\xF0\x9F\x93\x85", sched = "\xE2\x8F\xB3", ok = "\xE2\x9C\x85";
    MarkResult r = change_task("a\r\n- [ ] Report " + R + " every week " + sched + " 2024-09-08 " + due +
                                   " 2024-09-09 ^blk1\r\nb\r\n", 2, c);
    REQUIRE(r.status == MarkStatus::ok);
    // Every date moves by the interval from the due date; the block id stays with the done one.
    CHECK(r.next == "- [ ] Report " + R + " every week " + sched + " 2024-09-15 " + due + " 2024-09-16");
    CHECK(r.text == "a\r\n" + r.next + "\r\n- [x] Report " + R + " every week " + sched + " 2024-09-08 " + due +
                        " 2024-09-09 " + ok + " 2024-09-10 ^blk1\r\nb\r\n");
    SUBCASE("months end on the month's last day; years; when done counts from the day done") {
      CHECK(change_task("- [ ] Pay " + R + " every month " + due + " 2024-01-31\n", 1, c).next ==
            "- [ ] Pay " + R + " every month " + due + " 2024-02-29");
      CHECK(change_task("- [ ] Audit " + R + " every 2 years " + due + " 2024-02-29\n", 1, c).next ==
            "- [ ] Audit " + R + " every 2 years " + due + " 2026-02-28");
      CHECK(change_task("- [ ] Water " + R + " every 3 days when done " + due + " 2024-09-01\n", 1, c).next ==
            "- [ ] Water " + R + " every 3 days when done " + due + " 2024-09-13");
    }
    SUBCASE("a rule kb does not read, or no date: done, with no next occurrence") {
      MarkResult m = change_task("- [ ] Gym " + R + " every Monday " + due + " 2024-09-09\n", 1, c);
      CHECK(m.status == MarkStatus::ok);
      CHECK(m.next.empty());
      CHECK(change_task("- [ ] Gym " + R + " every week\n", 1, c).next.empty());
    }
  }
}
