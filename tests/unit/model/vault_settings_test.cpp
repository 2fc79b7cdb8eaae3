#include "kb/model/vault_settings.h"

#include <string>

#include <doctest/doctest.h>

#include "support/diag_text.h"

#include "kb/model/load.h"
#include "support/mem_fs.h"

using namespace kb;

namespace {

using kb::test::diag_text;

std::vector<std::string> listed(test::MemFileSystem& fs, const IgnoreRules& rules) {
  DiagSink d;
  std::vector<std::string> out;
  for (const auto& f : fs.list_markdown(rules, d)) out.push_back(f.path);
  return out;
}

}  // namespace

TEST_SUITE("model") {
  TEST_CASE("vault settings: template folders, excluded files and kb.yaml globs are not notes") {
    test::MemFileSystem fs;
    fs.add("Meetings/a.md", "");
    fs.add("Meta/Templates/Meeting.md", "");
    fs.add("Templater/Person.md", "");
    fs.add("Archive/old.md", "");
    fs.add("Drawings/plan.excalidraw.md", "");
    fs.add("Scratch/x.md", "");
    fs.add(kObsidianTemplatesSettings, R"({"folder": "Meta/Templates", "dateFormat": "YYYY-MM-DD"})");
    fs.add(kTemplaterSettings, R"({"command_timeout": 5, "templates_folder": "Templater/"})");
    fs.add(kObsidianAppSettings, R"({"userIgnoreFilters": ["Archive/", "/\\.excalidraw\\.md$/"]})");
    KbConfig config;
    config.ignore = {"Scratch/**"};
    DiagSink d;
    IgnoreRules rules = load_ignore_rules(fs, config, d);
    CHECK(d.empty());
    CHECK(listed(fs, rules) == std::vector<std::string>{"Meetings/a.md"});
    CHECK(listed(fs, IgnoreRules()).size() == 6);
  }

  TEST_CASE("vault settings: no settings files, no rules and no warnings") {
    test::MemFileSystem fs;
    fs.add("a.md", "");
    DiagSink d;
    CHECK(load_ignore_rules(fs, KbConfig(), d).key().empty());
    CHECK(d.empty());
  }

  TEST_CASE("vault settings: a file that does not parse or holds the wrong kind of value is a warning") {
    test::MemFileSystem fs;
    DiagSink d;
    SUBCASE("invalid JSON: its rules are left out, the others kept") {
      fs.add(kObsidianAppSettings, "{\n  \"userIgnoreFilters\": [\"Archive/\"\n}\n");
      fs.add(kObsidianTemplatesSettings, R"({"folder": "Templates"})");
      IgnoreRules rules = load_ignore_rules(fs, KbConfig(), d);
      CHECK(diag_text(d) ==
            ".obsidian/app.json:3:1: warning: invalid JSON: syntax error while parsing array - unexpected '}'; "
            "expected ']'; Obsidian's excluded files are read as notes\n");
      CHECK(rules.skips("Templates/a.md"));
      CHECK_FALSE(rules.skips("Archive/a.md"));
    }
    SUBCASE("not an object") {
      fs.add(kTemplaterSettings, "[\"Templates\"]");
      load_ignore_rules(fs, KbConfig(), d);
      CHECK(diag_text(d) ==
            ".obsidian/plugins/templater-obsidian/data.json:1:1: warning: expected a JSON object; "
            "Templater's templates folder is read as notes\n");
    }
    SUBCASE("a folder that is not a name") {
      fs.add(kObsidianTemplatesSettings, R"({"folder": ["Templates"]})");
      load_ignore_rules(fs, KbConfig(), d);
      CHECK(diag_text(d) ==
            ".obsidian/templates.json:1:12: warning: 'folder' is not a folder name; "
            "Obsidian's templates folder is read as notes\n");
    }
    SUBCASE("filters that are not a list, or an entry that is not a string or a valid expression") {
      fs.add(kObsidianAppSettings, R"({"userIgnoreFilters": "Archive/"})");
      load_ignore_rules(fs, KbConfig(), d);
      CHECK(diag_text(d) ==
            ".obsidian/app.json:1:23: warning: 'userIgnoreFilters' is not a list; "
            "Obsidian's excluded files are read as notes\n");
      fs.add(kObsidianAppSettings, R"({"userIgnoreFilters": [{"a": 1}, "/(unclosed/", "Archive/"]})");
      DiagSink d2;
      IgnoreRules rules = load_ignore_rules(fs, KbConfig(), d2);
      const std::string text = diag_text(d2);
      CHECK(text.rfind(".obsidian/app.json:1:24: warning: an entry of 'userIgnoreFilters' is not a string; it is left out\n"
                       ".obsidian/app.json:1:34: warning: invalid regular expression '/(unclosed/' in 'userIgnoreFilters' (",
                       0) == 0);
      CHECK(text.find("); it is left out\n") != std::string::npos);
      CHECK(rules.skips("Archive/a.md"));
    }
  }

  TEST_CASE("vault settings: kb.yaml's ignore is a list of globs, or one") {
    DiagSink d;
    CHECK(parse_config("kb.yaml", "ignore: [Templates, \"**/_drafts\"]\n", d).ignore ==
          std::vector<std::string>{"Templates", "**/_drafts"});
    CHECK(parse_config("kb.yaml", "ignore: Templates/**\n", d).ignore == std::vector<std::string>{"Templates/**"});
    CHECK(d.empty());
    CHECK(parse_config("kb.yaml", "ignore:\n  - Templates\n  - {a: 1}\n  - ''\n", d).ignore ==
          std::vector<std::string>{"Templates"});
    CHECK(diag_text(d) ==
          "kb.yaml:3:5: error: invalid 'ignore' entry (expected a glob such as 'Templates/**')\n"
          "kb.yaml:4:5: error: invalid 'ignore' entry (expected a glob such as 'Templates/**')\n");
    DiagSink d2;
    parse_config("kb.yaml", "ignore: {a: 1}\n", d2);
    CHECK(diag_text(d2) == "kb.yaml:1:9: error: 'ignore' must be a list of globs (such as 'Templates/**')\n");
  }
}
