#include "kb/render/table.h"

#include <sstream>
#include <string>

#include <doctest/doctest.h>

namespace {

std::string csv(const kb::Table& t) {
  std::ostringstream out;
  kb::render_csv(out, t);
  return out.str();
}

}  // namespace

TEST_SUITE("render") {
  TEST_CASE("table: terminal_safe shows control and bidi characters escaped") {
    CHECK(kb::terminal_safe("plain text, café, 张伟") == "plain text, café, 张伟");
    CHECK(kb::terminal_safe("red \x1b[31m x") == "red \\x1B[31m x");
    CHECK(kb::terminal_safe("a\tb\nc\rd\x7f") == "a\\x09b\\x0Ac\\x0Dd\\x7F");
    CHECK(kb::terminal_safe("csi \xC2\x9B" "2J") == "csi <U+009B>2J");
    CHECK(kb::terminal_safe("Budget \xE2\x80\xAE" "etadpu\xE2\x80\xAC review") == "Budget <U+202E>etadpu<U+202C> review");
    CHECK(kb::terminal_safe("\xE2\x81\xA6x\xE2\x81\xA9") == "<U+2066>x<U+2069>");
    CHECK(kb::terminal_safe("\xE2\x80\x8E\xE2\x80\x8F\xD8\x9C") == "<U+200E><U+200F><U+061C>");
    CHECK(kb::terminal_safe("line\xE2\x80\xA8sep") == "line<U+2028>sep");
    // Neighbours of the unsafe ranges stay as they are.
    CHECK(kb::terminal_safe("\xC2\xA0\xE2\x80\x94\xE2\x81\xB0") == "\xC2\xA0\xE2\x80\x94\xE2\x81\xB0");
  }

  TEST_CASE("table: text tables escape cells and align by display width") {
    kb::Table t{{"TITLE", "WHO"}, {{"张伟 meeting", "a"}, {"x\x1b[2Jy", "b"}}, {}, {}, {}, {}};
    std::ostringstream out;
    kb::render_text_table(out, t, {});
    CHECK(out.str() ==
          std::string("TITLE") + std::string(9, ' ') + "WHO\n"
          "张伟 meeting  a\n"
          "x\\x1B[2Jy" + std::string(5, ' ') + "b\n");
  }

  TEST_CASE("issue 27: a narrow terminal drops the id column, then cuts the widest text with an ellipsis") {
    kb::Table t{{"DATE", "TITLE", "ID"},
                {{"2024-09-02", "Bilateral meeting with UNESCO-IESALC", "meetings/2024/2024-09-02-unesco-iesalc"},
                 {"2024-09-03", "Short", "meetings/2024/2024-09-03-short"}}, {}, {}, {}, {}};
    t.flexible = {1};
    t.id_columns = {2};
    auto text = [&](std::size_t width) {
      std::ostringstream out;
      kb::render_text_table(out, t, {false, width});
      return out.str();
    };
    SUBCASE("wide enough: as piped") { CHECK(text(100) == text(0)); }
    SUBCASE("the ids go first") {
      CHECK(text(60) ==
            "DATE        TITLE\n"
            "2024-09-02  Bilateral meeting with UNESCO-IESALC\n"
            "2024-09-03  Short\n");
    }
    SUBCASE("then the text, to the width exactly") {
      CHECK(text(30) ==
            "DATE        TITLE\n"
            "2024-09-02  Bilateral meeting…\n"
            "2024-09-03  Short\n");
    }
    SUBCASE("never below twelve columns: the line is left to wrap") {
      CHECK(text(10) ==
            "DATE        TITLE\n"
            "2024-09-02  Bilateral m…\n"
            "2024-09-03  Short\n");
    }
    SUBCASE("the widest flexible column is cut first") {
      t.headers.push_back("WHY");
      t.flexible.push_back(3);
      for (auto& row : t.rows) row.push_back("org: UNESCO-IESALC");
      CHECK(text(60) ==
            "DATE        TITLE                         WHY\n"
            "2024-09-02  Bilateral meeting with UNES…  org: UNESCO-IESALC\n"
            "2024-09-03  Short                         org: UNESCO-IESALC\n");
    }
  }

  TEST_CASE("issue 27: painted cells keep their alignment; headers are bold") {
    kb::Table t{{"DUE", "ACTION"}, {{"2024-09-01", "late"}, {"2024-10-01", "done"}}, {}, {}, {}, {}};
    t.paint = {{kb::Paint::red}, {kb::Paint::dim, kb::Paint::dim}};
    std::ostringstream out;
    kb::render_text_table(out, t, {true, 0});
    CHECK(out.str() ==
          "\x1b[1mDUE         ACTION\x1b[0m\n"
          "\x1b[31m2024-09-01\x1b[0m  late\n"
          "\x1b[2m2024-10-01\x1b[0m  \x1b[2mdone\x1b[0m\n");
  }

  TEST_CASE("table: CSV quotes as RFC 4180 says, with CRLF line ends") {
    kb::Table t{{"a", "b"}, {{"plain", "with, comma"}, {"say \"hi\"", "two\nlines"}, {"", "x"}}, {}, {}, {}, {}};
    CHECK(csv(t) == "a,b\r\nplain,\"with, comma\"\r\n\"say \"\"hi\"\"\",\"two\nlines\"\r\n,x\r\n");
  }

  TEST_CASE("table: CSV cells that a spreadsheet would run as a formula get a leading quote") {
    kb::Table t{{"v"}, {{"=HYPERLINK(\"http://x\",\"y\")"}, {"+1"}, {"-2+3"}, {"@SUM(A1)"}, {"\tx"}, {"\rx"}, {"a=b"}}, {}, {}, {}, {}};
    CHECK(csv(t) ==
          "v\r\n"
          "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\r\n"
          "'+1\r\n"
          "'-2+3\r\n"
          "'@SUM(A1)\r\n"
          "'\tx\r\n"
          "\"'\rx\"\r\n"
          "a=b\r\n");
  }

  TEST_CASE("table: markdown_escape keeps links, HTML and list syntax as text") {
    CHECK(kb::markdown_escape("[x](javascript:alert(1))") == "\\[x\\](javascript:alert(1))");
    CHECK(kb::markdown_escape("![img](http://x/a.png)") == "\\!\\[img\\](http://x/a.png)");
    CHECK(kb::markdown_escape("<script>alert(1)</script>") == "\\<script\\>alert(1)\\</script\\>");
    CHECK(kb::markdown_escape("a | b *c* _d_ `e` ~f~ #g &amp; \\") ==
          "a \\| b \\*c\\* \\_d\\_ \\`e\\` \\~f\\~ \\#g \\&amp; \\\\");
    CHECK(kb::markdown_escape("two\nlines\r") == "two lines ");
    CHECK(kb::markdown_escape("- item") == "\\- item");
    CHECK(kb::markdown_escape("+ item") == "\\+ item");
    CHECK(kb::markdown_escape("=====") == "\\=====");
    CHECK(kb::markdown_escape("1. first") == "1\\. first");
    CHECK(kb::markdown_escape("12) x") == "12\\) x");
    CHECK(kb::markdown_escape("2024-09-02 at 14:00 (Paris)") == "2024-09-02 at 14:00 (Paris)");
    CHECK(kb::markdown_escape("v1.2") == "v1.2");
  }

  TEST_CASE("table: Markdown tables escape every cell") {
    kb::Table t{{"TITLE"}, {{"[x](javascript:y) | z"}}, {}, {}, {}, {}};
    std::ostringstream out;
    kb::render_markdown_table(out, t);
    CHECK(out.str() == "| TITLE |\n| --- |\n| \\[x\\](javascript:y) \\| z |\n");
  }

  TEST_CASE("table: html_escape is safe in text and in quoted attributes") {
    CHECK(kb::html_escape("<a href=\"x\" onclick='y'>&</a>") ==
          "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
    CHECK(kb::html_escape("张伟 café") == "张伟 café");
  }

  TEST_CASE("issue 27: --fields picks columns by name, in order; extra columns only when asked or in CSV") {
    kb::Table t{{"DATE", "TITLE", "ID", "LAST MET"}, {{"2024-09-02", "Call", "m/x", "2024-09-01"}}, {1}, {2}, {{kb::Paint::none, kb::Paint::red}}, {3}};
    kb::Table plain = t;
    kb::choose_columns(plain, {}, false);
    CHECK(plain.headers == std::vector<std::string>{"DATE", "TITLE", "ID"});
    CHECK(plain.id_columns == std::vector<std::size_t>{2});
    kb::Table csv = t;
    kb::choose_columns(csv, {}, true);
    CHECK(csv.headers.size() == 4);
    kb::Table picked = t;
    kb::choose_columns(picked, {"last-met", "Title", "id"}, false);
    CHECK(picked.headers == std::vector<std::string>{"LAST MET", "TITLE", "ID"});
    CHECK(picked.rows[0] == std::vector<std::string>{"2024-09-01", "Call", "m/x"});
    CHECK(picked.flexible == std::vector<std::size_t>{1});
    CHECK(picked.id_columns.empty());  // asked for: a narrow terminal keeps it
    CHECK(picked.paint[0] == std::vector<kb::Paint>{kb::Paint::none, kb::Paint::red, kb::Paint::none});
    kb::Table bad = t;
    CHECK_THROWS_WITH_AS(kb::choose_columns(bad, {"title", "owner"}, false),
                         "--fields: no column 'owner' here (columns: date, title, id, last_met)", kb::UnknownField);
    CHECK(bad.headers.size() == 4);  // unchanged
  }
}
