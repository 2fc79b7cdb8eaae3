#include "kb/base/ignore.h"

#include <string>

#include <doctest/doctest.h>

using kb::IgnoreRules;

TEST_SUITE("ignore") {
  TEST_CASE("ignore: hidden names and the KB's own templates/ are always skipped") {
    IgnoreRules rules;
    CHECK(rules.skips(".obsidian/snippets/readme.md"));
    CHECK(rules.skips("Meetings/.draft.md"));
    CHECK(rules.skips("a/.trash/b.md"));
    CHECK(rules.skips("templates/meeting.md"));
    CHECK_FALSE(rules.skips("notes/templates/d.md"));  // only the root's
    CHECK_FALSE(rules.skips("Templates/meeting.md"));
    CHECK_FALSE(rules.skips("Meetings/a.md"));
    CHECK(rules.key().empty());
  }

  TEST_CASE("ignore: a templates folder is skipped with all below it, written with or without slashes") {
    IgnoreRules rules;
    rules.add_folder("/Meta/Templates/");
    rules.add_folder("");  // no rule
    CHECK(rules.skips_folder("Meta/Templates"));
    CHECK(rules.skips("Meta/Templates/Meeting.md"));
    CHECK(rules.skips("Meta/Templates/sub/Person.md"));
    CHECK_FALSE(rules.skips("Meta/Templates2/x.md"));
    CHECK_FALSE(rules.skips("Meta/x.md"));
    CHECK(rules.key() == std::string("fMeta/Templates\0", 16));
  }

  TEST_CASE("ignore: Obsidian's excluded files are path prefixes or /regular expressions/") {
    IgnoreRules rules;
    std::string error;
    SUBCASE("a prefix is compared as Obsidian does: with or without its slash") {
      CHECK(rules.add_excluded("Archive/", error));
      CHECK(rules.add_excluded("Drafts", error));
      CHECK(rules.skips_folder("Archive"));
      CHECK(rules.skips("Archive/2019/a.md"));
      CHECK(rules.skips("Drafts/a.md"));
      CHECK(rules.skips("Drafts 2024/a.md"));  // Obsidian's startsWith
      CHECK(rules.skips("Drafts.md"));
      CHECK_FALSE(rules.skips("archive/a.md"));
      CHECK_FALSE(rules.skips("Notes/Archive/a.md"));
    }
    SUBCASE("a regular expression is searched for in the note's path") {
      CHECK(rules.add_excluded("/\\.excalidraw\\.md$/", error));
      CHECK(rules.add_excluded("/^Daily/\\d{4}-/", error));
      CHECK(rules.skips("Drawings/plan.excalidraw.md"));
      CHECK(rules.skips("Daily/2024-09-02.md"));
      CHECK_FALSE(rules.skips("Daily/notes.md"));
      CHECK_FALSE(rules.skips_folder("Daily"));  // only notes are matched
    }
    SUBCASE("a regular expression that does not compile adds no rule") {
      CHECK_FALSE(rules.add_excluded("/[unclosed/", error));
      CHECK_FALSE(error.empty());
      CHECK(rules.key().empty());
      CHECK_FALSE(rules.skips("[unclosed/a.md"));
    }
    SUBCASE("'/' alone and '//' are prefixes, not expressions") {
      CHECK(rules.add_excluded("/", error));
      CHECK_FALSE(rules.skips("a.md"));  // no path starts with '/'
    }
  }

  TEST_CASE("ignore: globs match the whole KB-relative path; * and ? stay within one name, ** spans folders") {
    IgnoreRules rules;
    SUBCASE("a folder and all below it") {
      rules.add_glob("Templates");
      CHECK(rules.skips("Templates/a.md"));
      CHECK(rules.skips("Templates/sub/b.md"));
      CHECK_FALSE(rules.skips("Work/Templates/a.md"));
    }
    SUBCASE("** for any folder") {
      rules.add_glob("**/_drafts");
      rules.add_glob("Archive/**");
      CHECK(rules.skips("_drafts/a.md"));
      CHECK(rules.skips("Work/2024/_drafts/a.md"));
      CHECK(rules.skips("Archive/x/y.md"));
      CHECK(rules.skips_folder("Archive"));
      CHECK_FALSE(rules.skips("Work/drafts/a.md"));
    }
    SUBCASE("* and ?") {
      rules.add_glob("Meetings/*.draft.md");
      rules.add_glob("Daily/202?-*.md");
      CHECK(rules.skips("Meetings/2024-09-02 call.draft.md"));
      CHECK_FALSE(rules.skips("Meetings/2024/x.draft.md"));  // * is one name
      CHECK(rules.skips("Daily/2024-09-02.md"));
      CHECK_FALSE(rules.skips("Daily/1999-01-01.md"));
    }
    SUBCASE("? is one character, not one byte") {
      rules.add_glob("Notes/caf?.md");
      CHECK(rules.skips("Notes/café.md"));
      CHECK_FALSE(rules.skips("Notes/cafés.md"));
    }
    SUBCASE("*.md at the top only; **/*.md anywhere") {
      rules.add_glob("*.excalidraw.md");
      CHECK(rules.skips("plan.excalidraw.md"));
      CHECK_FALSE(rules.skips("Drawings/plan.excalidraw.md"));
      rules.add_glob("**/*.canvas.md");
      CHECK(rules.skips("a/b/c.canvas.md"));
      CHECK(rules.skips("c.canvas.md"));
    }
  }

  TEST_CASE("ignore: equal rules give equal keys, different rules different ones") {
    IgnoreRules a, b, c;
    std::string error;
    for (IgnoreRules* r : {&a, &b}) {
      r->add_glob("Archive/**");
      r->add_folder("Templates");
      CHECK(r->add_excluded("/x/", error));
    }
    c.add_glob("Archive/**");
    c.add_folder("Templates2");
    CHECK(c.add_excluded("/x/", error));
    CHECK(a.key() == b.key());
    CHECK(a.key() != c.key());
  }
}
