#include "kb/parse/markdown.h"
#include "kb/parse/front_matter.h"

#include <algorithm>
#include <cstdint>

#include <doctest/doctest.h>

#include "support/diag_text.h"

using namespace kb;

namespace {

using kb::test::diag_text;

}  // namespace

TEST_SUITE("parse") {
  TEST_CASE("markdown: kb's generated sections are blanked, lines kept; unclosed ones are text") {
    const std::string body =
        "intro\n<!-- kb:prep -->\n- copy [[Old]] #tag\n- [ ] copied task\n  <!-- /kb:prep -->  \nown [[New]]\n";
    const std::string seen = without_generated(body);
    CHECK(seen.size() == body.size());
    CHECK(seen.find("Old") == std::string::npos);
    CHECK(seen.substr(0, 6) == "intro\n");
    CHECK(std::count(seen.begin(), seen.end(), '\n') == 6);
    DiagSink d;
    BodyFacts f = parse_body(SharedPath("m.md"), body, 10, d);
    REQUIRE(f.links.size() == 1);
    CHECK(f.links[0].target == "New");
    CHECK(f.links[0].loc.line == 15);  // the line numbers after the section are the file's
    CHECK(f.tasks.empty());
    CHECK(f.tags.empty());
    const std::string open_only = "<!-- kb:prep -->\n[[Kept]]\n";
    CHECK(without_generated(open_only) == open_only);
    CHECK(without_generated("a <!-- kb:prep --> b\n[[X]]\n<!-- /kb:prep -->\n").find("[[X]]") != std::string::npos);
  }

  TEST_CASE("markdown: Obsidian links with headings, blocks, aliases and embeds") {
    auto links = find_wikilinks("a [[Target#Heading|shown]] b [[Note#^blk-1]] ![[diagram.png]] [[Plain]]",
                                SourceLoc{"m.md", 4, 1});
    REQUIRE(links.size() == 4);
    CHECK(links[0].target == "Target");
    CHECK(links[0].heading == "Heading");
    CHECK(links[0].display == "shown");
    CHECK(links[0].block.empty());
    CHECK_FALSE(links[0].embed);
    CHECK(links[1].target == "Note");
    CHECK(links[1].heading.empty());
    CHECK(links[1].block == "blk-1");
    CHECK(links[2].target == "diagram.png");
    CHECK(links[2].embed);
    CHECK(links[2].loc.column == 46);  // at the '!'
    CHECK(links[3].target == "Plain");
    CHECK(links[3].loc.line == 4);
  }

  TEST_CASE("markdown: #tags in text, not in code, not digits only, not inside words") {
    DiagSink d;
    BodyFacts f = parse_body("n.md",
                             "Talked #budget and #Budget, #follow-up/next.\n\n"
                             "Issue #42 and a#b and [[Page#Heading]].\n\n"
                             "`#inline` code\n\n```\n#fenced\n```\n\n# A heading #in-heading\n",
                             1, d);
    CHECK(f.tags == std::vector<std::string>{"budget", "follow-up/next", "in-heading"});
    CHECK(d.empty());
  }

  TEST_CASE("markdown: Markdown links to notes are links; other URLs are not") {
    DiagSink d;
    BodyFacts f = parse_body("Meetings/m.md",
                             "[one](../References/Francesc%20Pedro.md) [two](<People/Ana B.md#Bio>) "
                             "[web](https://example.org/x.md) [img](pic.png) [three](./sub/x.md#^blk)\n",
                             3, d);
    REQUIRE(f.links.size() == 3);
    CHECK(f.links[0].target == "References/Francesc Pedro");
    CHECK(f.links[0].display == "one");
    CHECK(f.links[0].markdown);
    CHECK(f.links[0].loc.line == 3);
    CHECK(f.links[1].target == "People/Ana B");
    CHECK(f.links[1].heading == "Bio");
    CHECK(f.links[2].target == "Meetings/sub/x");
    CHECK(f.links[2].block == "blk");
    CHECK(markdown_link_target("a.md", "../../out.md") == std::nullopt);
    CHECK(markdown_link_target("a.md", "mailto:x@y.md") == std::nullopt);
  }

  TEST_CASE("markdown: link_target reads what a value written as a link names") {
    CHECK(link_target(" [[Francesc Pedro|F.]] ") == "Francesc Pedro");
    CHECK(link_target("[[Francesc Pedro#Bio]]") == "Francesc Pedro");
    CHECK(link_target("[[ Ana ]]") == "Ana");
    CHECK(link_target("Plain name ") == "Plain name");
    CHECK(link_target("[[half") == "[[half");
  }

  TEST_CASE("markdown: runs of image openers are defused for cmark, the rest is untouched") {
    std::string out = "unchanged";
    CHECK_FALSE(defuse_markdown("![a](b.png) ![[x]] text\n", out));
    CHECK(out == "unchanged");
    std::string heavy;
    for (std::size_t i = 0; i <= kMaxImageOpeners; ++i) heavy += "![[]()";
    std::string light = "## Summary\nSee ![[map.png]] and \\![not an image].\n\n";
    REQUIRE(defuse_markdown(light + heavy + "\\\\![x]\n", out));
    // The light paragraph keeps its embed; in the heavy one every opener is escaped once,
    // and an opener after an escaped backslash (`\\![`) is escaped too.
    std::string want = light;
    for (std::size_t i = 0; i <= kMaxImageOpeners; ++i) want += "\\![[]()";
    CHECK(out == want + "\\\\\\![x]\n");

    // 20,000 openers in one paragraph (quadratic in cmark-gfm 0.29.0.gfm.6: seconds) load,
    // with the text and the wikilinks as written.
    std::string body = "## Summary\nMet [[Ana Bell]].";
    for (int i = 0; i < 20000; ++i) body += " ![[]()";
    DiagSink d;
    BodyFacts f = parse_body("m.md", body + "\n", 5, d);
    CHECK(f.summary.substr(0, 24) == "Met [[Ana Bell]]. ![ ![ ");  // `[]()` is an empty link, as cmark reads it either way
    REQUIRE_FALSE(f.links.empty());
    CHECK(f.links[0].target == "Ana Bell");
  }

  TEST_CASE("markdown: defusing only ever adds a backslash before '![', and only in heavy runs") {
    // Random bodies of the characters that matter; a fixed seed keeps the test repeatable.
    const char alphabet[] = {'!', '[', ']', '(', ')', '\\', ' ', 'a'};
    std::uint32_t state = 12345;
    int defused = 0;
    auto next = [&] { return state = state * 1103515245u + 12345u, (state >> 16) & 0x7fff; };
    for (int round = 0; round < 200; ++round) {
      std::string in;
      std::size_t len = 200 + next() % 3000;
      for (std::size_t i = 0; i < len; ++i) {
        unsigned pick = next() % 40;
        if (pick == 0) in += '\n';  // now and then a line break, rarely a blank line
        else if (pick < 12) in += "![";
        else in += alphabet[next() % 8];
      }
      std::string out;
      if (!defuse_markdown(in, out)) continue;
      ++defused;
      // Walk both: every difference is one '\\' inserted before a '![' of the input.
      std::size_t i = 0, j = 0, added = 0;
      while (i < in.size() && j < out.size()) {
        if (in[i] == out[j]) {
          ++i, ++j;
        } else {
          REQUIRE(out[j] == '\\');
          REQUIRE(in.compare(i, 2, "![") == 0);
          ++j, ++added;
        }
      }
      CHECK(i == in.size());
      CHECK(j == out.size());
      CHECK(added > 0);
    }
    CHECK(defused > 20);  // the bodies are heavy enough that many are defused
  }

  TEST_CASE("markdown: Obsidian Tasks emoji fields and priorities") {
    DiagSink d;
    BodyFacts f = parse_body("m.md",
                             "- [ ] Send [[Ana]] \xF0\x9F\x93\x85 2024-10-15 \xE2\x8F\xAB \xE2\x9E\x95 2024-09-02 "
                             "\xE2\x8F\xB3 2024-10-01 \xF0\x9F\x9B\xAB 2024-09-20\n"
                             "- [x] Done \xE2\x9C\x85 2024-09-10 \xF0\x9F\x94\xBA\n"
                             "- [-] Dropped \xE2\x9D\x8C 2024-09-05 \xE2\x8F\xAC\n"
                             "- [/] Going \xF0\x9F\x94\xBD\n"
                             "- [ ] Middle \xF0\x9F\x94\xBC\n",
                             10, d);
    REQUIRE(f.tasks.size() == 5);
    const TaskItem& a = f.tasks[0];
    CHECK(a.due == Date{2024, 10, 15});
    CHECK(a.created == Date{2024, 9, 2});
    CHECK(a.scheduled == Date{2024, 10, 1});
    CHECK(a.start == Date{2024, 9, 20});
    CHECK(a.priority == TaskPriority::high);
    CHECK(a.loc.line == 10);
    REQUIRE(a.links.size() == 1);
    CHECK(a.links[0].target == "Ana");
    CHECK(f.tasks[1].done);
    CHECK(f.tasks[1].done_on == Date{2024, 9, 10});
    CHECK(f.tasks[1].priority == TaskPriority::highest);
    CHECK(f.tasks[2].cancelled);
    CHECK_FALSE(f.tasks[2].done);
    CHECK(f.tasks[2].cancelled_on == Date{2024, 9, 5});
    CHECK(f.tasks[2].priority == TaskPriority::lowest);
    CHECK(f.tasks[2].text == "Dropped \xE2\x9D\x8C 2024-09-05 \xE2\x8F\xAC");
    CHECK_FALSE(f.tasks[3].cancelled);
    CHECK_FALSE(f.tasks[3].done);
    CHECK(f.tasks[3].priority == TaskPriority::low);
    CHECK(f.tasks[4].priority == TaskPriority::medium);
    CHECK(to_string(TaskPriority::medium) == "medium");
    CHECK(d.empty());
  }

  TEST_CASE("markdown: Dataview inline fields in tasks") {
    DiagSink d;
    BodyFacts f = parse_body("m.md",
                             "- [ ] Circulate [due:: 2024-10-01] [priority:: high]\n"
                             "- [x] Confirm [completion:: 2024-09-11]\n"
                             "- [ ] Draft (due:: 2024-09-30) [scheduled:: 2024-09-20]\n"
                             "- [ ] Legacy due:2024-12-01\n",
                             1, d);
    REQUIRE(f.tasks.size() == 4);
    CHECK(f.tasks[0].due == Date{2024, 10, 1});
    CHECK(f.tasks[0].priority == TaskPriority::high);
    CHECK(f.tasks[1].done_on == Date{2024, 9, 11});
    CHECK(f.tasks[2].due == Date{2024, 9, 30});
    CHECK(f.tasks[2].scheduled == Date{2024, 9, 20});
    CHECK(f.tasks[3].due == Date{2024, 12, 1});
    CHECK(d.empty());
  }

  TEST_CASE("markdown: a malformed task date is a warning at its place, the column in characters") {
    DiagSink d;
    BodyFacts f = parse_body("m.md",
                             "- [ ] A due:2024-13-01\n- [ ] B [due:: soon]\n- [ ] C \xE2\x8F\xB3 2024-02-30\n"
                             "- [ ] D [priority:: urgent]\n",
                             5, d);
    REQUIRE(f.tasks.size() == 4);
    CHECK_FALSE(f.tasks[0].due);
    CHECK(diag_text(d) ==
          "m.md:5:13: warning: invalid due date '2024-13-01' (expected YYYY-MM-DD)\n"
          "m.md:6:16: warning: invalid due date 'soon' (expected YYYY-MM-DD)\n"
          "m.md:7:11: warning: invalid scheduled date '2024-02-30' (expected YYYY-MM-DD)\n"
          "m.md:8:21: warning: invalid priority 'urgent' (expected highest, high, medium, low or lowest)\n");
  }
}

TEST_SUITE("parse") {
  TEST_CASE("issue 24: old-Mac (CR) and mixed line ends give each action its own text, owner and due date") {
    SUBCASE("CR only") {
      DiagSink d;
      BodyFacts f = parse_body("m.md",
                               "## Actions\r- [ ] Send the agenda [[Ana]] due:2024-10-15\r"
                               "- [ ] Book a room [[Ben]] due:2024-11-01\r",
                               5, d);
      REQUIRE(f.tasks.size() == 2);
      CHECK(f.tasks[0].loc.line == 6);
      CHECK(f.tasks[0].text == "Send the agenda [[Ana]] due:2024-10-15");
      REQUIRE(f.tasks[0].links.size() == 1);
      CHECK(f.tasks[0].links[0].target == "Ana");
      CHECK(f.tasks[0].due == Date{2024, 10, 15});
      CHECK(f.tasks[1].loc.line == 7);
      CHECK(f.tasks[1].text == "Book a room [[Ben]] due:2024-11-01");
      REQUIRE(f.tasks[1].links.size() == 1);
      CHECK(f.tasks[1].links[0].target == "Ben");
      CHECK(f.tasks[1].due == Date{2024, 11, 1});
      CHECK(diag_text(d) == "");
    }
    SUBCASE("CR, LF and CRLF in one note") {
      DiagSink d;
      BodyFacts f = parse_body("m.md",
                               "## Actions\r\n- [ ] one due:2024-10-15\r- [ ] two [[Ben]]\n"
                               "- [ ] three due:2024-12-01\r\n",
                               1, d);
      REQUIRE(f.tasks.size() == 3);
      CHECK(f.tasks[0].text == "one due:2024-10-15");
      CHECK(f.tasks[0].due == Date{2024, 10, 15});
      CHECK(f.tasks[0].links.empty());
      CHECK(f.tasks[1].loc.line == 3);
      CHECK(f.tasks[1].text == "two [[Ben]]");
      CHECK_FALSE(f.tasks[1].due);
      REQUIRE(f.tasks[1].links.size() == 1);
      CHECK(f.tasks[1].links[0].target == "Ben");
      CHECK(f.tasks[2].loc.line == 4);
      CHECK(f.tasks[2].text == "three due:2024-12-01");
      CHECK(f.tasks[2].due == Date{2024, 12, 1});
    }
  }

  TEST_CASE("issue 24: an action whose text begins with brackets is open, with that text") {
    DiagSink d;
    BodyFacts f = parse_body("m.md", "- [ ] [x] foo\n- [ ] [ ] bar\n- [x] [ ] baz\n- [ ] fix the [X] axis\n", 1, d);
    REQUIRE(f.tasks.size() == 4);
    CHECK_FALSE(f.tasks[3].done);
    CHECK(f.tasks[3].text == "fix the [X] axis");
    CHECK_FALSE(f.tasks[0].done);
    CHECK(f.tasks[0].text == "[x] foo");
    CHECK_FALSE(f.tasks[1].done);
    CHECK(f.tasks[1].text == "[ ] bar");
    CHECK(f.tasks[2].done);
    CHECK(f.tasks[2].text == "[ ] baz");
  }
}

TEST_SUITE("parse") {
  TEST_CASE("issue 23: escaped brackets and hashes are text; links in code are not links, in tasks either") {
    DiagSink d;
    BodyFacts f = parse_body("m.md",
                             "Escaped \\[\\[No\\]\\] and \\[[No Either]] and [\\[Nor]] and [[Yes]] and \\\\[[After]].\n"
                             "`[[In code]]` \\#notag #tag *[[Emph]]* [[A\\|shown]]\n"
                             "\n"
                             "```\n[[In block]] #inblock\n```\n"
                             "\n"
                             "- [ ] one `[[Code Owner]]` then [[Owner]]\n"
                             "- [ ] two \\[[Escaped Owner]] \\[\\[Other\\]\\]\n"
                             "\n"
                             "## Decisions\n"
                             "- With `[[Code]]` and [[Decider]]\n",
                             5, d);
    std::vector<std::string> targets;
    for (const auto& l : f.links) targets.push_back(l.target + "@" + std::to_string(l.loc.line) + ":" + std::to_string(l.loc.column));
    CHECK(targets == std::vector<std::string>{"Yes@5:56", "After@5:70", "Emph@6:29", "A@6:39", "Owner@12:33",
                                              "Decider@16:23"});
    CHECK(f.links[3].display == "shown");  // `\|` in a link is Obsidian's escaped alias bar (in tables)
    CHECK(f.tags == std::vector<std::string>{"tag"});
    REQUIRE(f.tasks.size() == 2);
    REQUIRE(f.tasks[0].links.size() == 1);
    CHECK(f.tasks[0].links[0].target == "Owner");
    CHECK(f.tasks[1].links.empty());
    REQUIRE(f.decisions.size() == 1);
    REQUIRE(f.decisions[0].links.size() == 1);
    CHECK(f.decisions[0].links[0].target == "Decider");
    CHECK(d.empty());
  }

  TEST_CASE("issue 23: an escaped [[ or one in a code span is shown as written, not as a link's text") {
    CHECK(unlink_text("a \\[[b]] [[c|d]] \\\\[[e]]") == "a \\[[b]] d \\\\e");
    CHECK(plain_text("Ask \\[[Ana]] about [[Bo]]") == "Ask \\[[Ana]] about Bo");
    CHECK(unlink_text("a `[[b]]` [[c]] ``x ` [[y]]`` [[z]]") == "a `[[b]]` c ``x ` [[y]]`` z");
    // A backslash does not escape inside a code span: its backtick closes the span.
    CHECK(unlink_text("`code [[a]] and \\`[[b]]` [[c]]`") == "`code [[a]] and \\`b` [[c]]`");
    CHECK(unlink_text("\\`[[a]]` [[b]]") == "\\`a` b");  // an escaped backtick opens nothing
    // Runs of every length, none closed: each is text, and the links between them are links.
    std::string many, want;
    for (int n = 1; n <= 2000; ++n) {
      many += std::string(static_cast<std::size_t>(n), '`') + "[[x]]";
      want += std::string(static_cast<std::size_t>(n), '`') + "x";
    }
    CHECK(unlink_text(many) == want);
  }
}

TEST_SUITE("parse") {
  TEST_CASE("issue 23: Markdown links without an extension, from the root, and to files") {
    CHECK(markdown_link_target("notes/a.md", "fa2k") == "fa2k");  // Foam writes no extension
    CHECK(markdown_link_target("notes/a.md", "sub/b.md") == "sub/b");  // found as a wikilink path is
    CHECK(markdown_link_target("notes/a.md", "./sub/b") == "notes/sub/b");
    CHECK(markdown_link_target("notes/a.md", "/top.md") == "top");
    CHECK(markdown_link_target("notes/a.md", "v1.2-plan") == "v1.2-plan");  // no extension: a note
    CHECK(markdown_link_target("notes/a.md", "pic.png") == std::nullopt);
    CHECK(markdown_link_target("notes/a.md", "data.JSON") == std::nullopt);
    CHECK(markdown_link_target("notes/a.md", "https://example.org/fa2k") == std::nullopt);
    CHECK(markdown_link_target("notes/a.md", "sub/") == std::nullopt);
    CHECK(file_extension("img/chart.png") == "png");
    CHECK(file_extension("Dr. Smith").empty());
    CHECK(file_extension("v1.2").empty());
    CHECK(file_extension("a.b/c").empty());
  }

  TEST_CASE("issue 23: a [[wikilink]] whose Foam reference definition exists links to its note, as Foam reads it") {
    DiagSink d;
    BodyFacts f = parse_body(SharedPath("notes/a.md"),
                             "See [[b]] and [[c|C]] and [[w]].\n\n- [ ] ask [[b]]\n\n[b]: sub/b.md \"B\"\n[c|C]: c \"C\"\n"
                             "[w]: https://example.org/w \"W\"\n",
                             1, d);
    REQUIRE(f.links.size() == 4);
    CHECK(f.links[0].target == "sub/b");  // the definition's path, found as a Markdown link's
    CHECK(f.links[0].markdown);
    CHECK(f.links[0].loc.column == 5);
    CHECK(f.links[1].target == "c");
    CHECK(f.links[1].display == "C");
    CHECK(f.links[2].target == "w");  // a web page: the wikilink's own name
    CHECK_FALSE(f.links[2].markdown);
    CHECK(f.links[3].target == "sub/b");
    REQUIRE(f.tasks.size() == 1);
    REQUIRE(f.tasks[0].links.size() == 1);
    CHECK(f.tasks[0].links[0].target == "sub/b");
    CHECK(d.empty());
  }

  TEST_CASE("issue 23: tasks in quotes and callouts, any status, hourglass, fields in code") {
    DiagSink d;
    BodyFacts f = parse_body(SharedPath("m.md"),
                             "> - [ ] Quoted\n\n"
                             "> [!todo] Callout\n> - [>] Forwarded \xE2\x8C\x9B 2024-09-03\n\n"
                             "- [!] Important `\xF0\x9F\x93\x85 2024-01-01` \xF0\x9F\x93\x85 2024-09-20\n"
                             "- [?] Question\n- [X] Big x\n- [\xE2\x9C\x93] Ticked\n- [ab] not a task\n",
                             1, d);
    REQUIRE(f.tasks.size() == 6);
    CHECK(f.tasks[0].text == "Quoted");
    CHECK(f.tasks[0].loc.line == 1);
    CHECK(f.tasks[1].text == "Forwarded \xE2\x8C\x9B 2024-09-03");
    CHECK_FALSE(f.tasks[1].done);
    CHECK(f.tasks[1].scheduled == Date{2024, 9, 3});
    CHECK(f.tasks[2].due == Date{2024, 9, 20});  // not the date in the code span
    CHECK(f.tasks[3].text == "Question");
    CHECK(f.tasks[4].done);
    CHECK(f.tasks[5].text == "Ticked");
    CHECK_FALSE(f.tasks[5].done);
    CHECK(plain_text(f.tasks[1].text) == "Forwarded");
    CHECK(plain_text(f.tasks[2].text) == "Important `\xF0\x9F\x93\x85 2024-01-01`");  // code shown as written
    CHECK(plain_text("Report ^weekly-1") == "Report");  // a trailing block id is no text
    CHECK(plain_text("x ^ y") == "x ^ y");
    CHECK(d.empty());
  }

  TEST_CASE("issue 23: Dataview inline fields, whole-line and bracketed, not in code or tasks") {
    const std::string body =
        "Status:: in progress\n"
        "- **Room**:: B2\n"
        "Met [mood:: good] and (place:: [[Paris]]).\n"
        "`code:: no` and [[Link]]\n"
        "```\nfenced:: no\n```\n"
        "- [ ] task [due:: 2024-09-01]\n"
        "> quoted:: yes\n"
        "http://x.org/a::b\n";
    auto fields = find_inline_fields(SharedPath("m.md"), body, 5);
    REQUIRE(fields.size() == 5);
    CHECK(fields[0].key == "Status");
    CHECK(fields[0].value == "in progress");
    CHECK(fields[0].loc.line == 5);
    CHECK(fields[0].loc.column == 1);
    CHECK(fields[1].key == "Room");
    CHECK(fields[1].value == "B2");
    CHECK(fields[2].key == "mood");
    CHECK(fields[2].value == "good");
    CHECK(fields[2].loc.column == 5);
    CHECK(fields[3].key == "place");
    CHECK(fields[3].value == "[[Paris]]");
    CHECK(fields[4].key == "quoted");
    CHECK(fields[4].loc.line == 13);
  }
}

TEST_SUITE("parse") {
  TEST_CASE("issue 23: columns are counted in characters, in the body as in the front matter") {
    DiagSink d;
    BodyFacts f = parse_body("m.md", "\xC3\x89t\xC3\xA9 [[A]] \xF0\x9F\x93\x85 ![[B]]\n> - [ ] T\xC3\xA2" "che [[C]] due:soon\n", 3, d);
    REQUIRE(f.links.size() == 3);
    CHECK(f.links[0].loc.column == 5);
    CHECK(f.links[1].loc.column == 13);
    CHECK(f.links[2].loc.column == 15);
    CHECK(diag_text(d) == "m.md:4:25: warning: invalid due date 'soon' (expected YYYY-MM-DD)\n");
    DiagSink ok;
    auto fm = parse_front_matter("m.md", "---\nattendees: [\xC3\x89t\xC3\xA9, Bo]\n---\n", ok);
    REQUIRE(fm);
    CHECK(fm->fields.find("attendees")->items[1].loc.column == 18);
  }

  TEST_CASE("issue 23: a footnote is no link, whatever its text (one word, or CJK without spaces)") {
    DiagSink d;
    BodyFacts f = parse_body(SharedPath("a.md"),
                             "The ID[^1] and the other[^note].\n\n[^1]: Footnote.\n[^note]: \xE8\x84\x9A\xE6\xB3\xA8\xE3\x80\x82 See [[B]].\n",
                             1, d);
    REQUIRE(f.links.size() == 1);  // only the wikilink in the footnote's text
    CHECK(f.links[0].target == "B");
    CHECK(f.summary == "The ID and the other.");  // footnote marks are not text
  }
}
