#include "kb/render/report.h"

#include <sstream>

#include <doctest/doctest.h>

#include "kb/parse/markdown.h"
#include "kb/render/templates.h"
#include "support/kb_fixture.h"

using namespace kb;

TEST_SUITE("render") {
  TEST_CASE("report: values are escaped for the target format") {
    TemplateData d;
    d.set("title", "<script>x</script> & *y*");
    std::ostringstream html, md;
    std::string error;
    REQUIRE(render_report(html, "{{title}}", d, ReportFormat::html, error));
    CHECK(html.str() == "&lt;script&gt;x&lt;/script&gt; &amp; *y*");
    REQUIRE(render_report(md, "{{title}}", d, ReportFormat::md, error));
    CHECK(md.str() == "\\<script\\>x\\</script\\> \\& \\*y\\*");
  }

  TEST_CASE("report: nested lists and objects render whole; a key set again is replaced") {
    TemplateData d;
    d.set("title", "first");
    d.set("title", "Week");
    std::vector<TemplateData> people;
    for (const char* name : {"Ana", "Ben"}) {
      TemplateData p;
      p.set("name", name);
      std::vector<TemplateData> roles;
      for (const char* role : {"chair", "host"}) roles.push_back(TemplateData(std::string(name) + "-" + role));
      p.set("roles", TemplateData::list(std::move(roles)));
      p.set("lead", std::string(name) == "Ana");
      people.push_back(std::move(p));
    }
    TemplateData group;
    group.set("people", TemplateData::list(std::move(people)));
    d.set("group", std::move(group));
    REQUIRE(d.fields().size() == 2);
    std::ostringstream out;
    std::string error;
    REQUIRE(render_report(out, "{{title}}:{{#group}}{{#people}} {{name}}{{#lead}}*{{/lead}}({{#roles}}{{.}};{{/roles}}){{/people}}{{/group}}",
                          d, ReportFormat::html, error));
    CHECK(out.str() == "Week: Ana*(Ana-chair;Ana-host;) Ben(Ben-chair;Ben-host;)");
    CHECK(d.fields().size() == 2);  // render_report took a copy: the caller's tree is whole
  }

  TEST_CASE("report: a Markdown report keeps one blank line in a row, over the rendering's blocks too") {
    // The rendering is kept in blocks of 1 MiB (BlockText): four newlines from two before the
    // first block's end to two after it are one blank line, as anywhere else.
    const std::size_t block = std::size_t{1} << 20;
    for (std::size_t before : {std::size_t{1}, std::size_t{2}, std::size_t{3}}) {
      INFO("newlines before the block's end: " << before);
      TemplateData d;
      d.set("a", std::string(block - before, 'a'));
      d.set("b", std::string(block, 'b'));
      std::ostringstream out;
      std::string error;
      REQUIRE(render_report(out, "{{a}}\n\n\n\n{{b}}\n\n\n{{b}}\n", d, ReportFormat::md, error));
      CHECK(out.str() == std::string(block - before, 'a') + "\n\n" + std::string(block, 'b') + "\n\n" +
                             std::string(block, 'b') + "\n");
    }
  }

  TEST_CASE("report: an action's members, each text with its flag") {
    const LoadResult r = test::load_sample();
    const NodeId m = r.kb.lookup_rid("meetings/2024/2024-09-02-iesalc")->id;
    const TemplateData open = action_data(r.kb, {m, 0});
    auto text = [&](const TemplateData& d, const char* key) {
      const TemplateData* v = d.find(key);
      REQUIRE_MESSAGE(v, key);
      REQUIRE(v->kind() == TemplateData::Kind::text);
      return v->text();
    };
    auto flag = [&](const TemplateData& d, const char* key) {
      const TemplateData* v = d.find(key);
      REQUIRE_MESSAGE(v, key);
      REQUIRE(v->kind() == TemplateData::Kind::flag);
      return v->flag();
    };
    CHECK(open.looked_up());
    CHECK(text(open, "text") == "Send agenda Francesc Pedro");
    CHECK(text(open, "owner").empty());  // the text names the owner already
    CHECK_FALSE(flag(open, "has_owner"));
    CHECK(text(open, "owner_name") == "Francesc Pedro");
    CHECK(text(open, "owner_rid") == r.kb.at(r.kb.at(m).actions->at(0).owner).rid);
    CHECK(flag(open, "has_owner_rid"));
    CHECK(text(open, "meeting_id") == "meetings/2024/2024-09-02-iesalc");
    CHECK(text(open, "line") == "20");
    CHECK(text(open, "ref") == "meetings/2024/2024-09-02-iesalc:20");
    CHECK(text(open, "due") == "2024-09-20");
    CHECK(flag(open, "has_due"));
    CHECK_FALSE(flag(open, "done"));
    CHECK_FALSE(flag(open, "cancelled"));
    CHECK(text(open, "done_on").empty());
    CHECK_FALSE(flag(open, "has_done_on"));
    CHECK(text(open, "meeting") == "Bilateral with IESALC");
    CHECK(text(open, "meeting_date") == "2024-09-02");
    CHECK(flag(open, "has_text"));
    CHECK(open.find("org") == nullptr);  // not an action's: a template looks outward
    CHECK(open.find("has_done") == nullptr);

    const TemplateData done = action_data(r.kb, {m, 1});
    CHECK(text(done, "text") == "Share report");
    CHECK(flag(done, "done"));
    CHECK(text(done, "done_on") == "2024-09-03");
    CHECK_FALSE(flag(done, "has_due"));
    CHECK_FALSE(flag(done, "has_owner_rid"));
  }

  TEST_CASE("report: a malformed template is an error, not a crash") {
    std::ostringstream out;
    std::string error;
    CHECK_FALSE(render_report(out, "{{#x}}", TemplateData(), ReportFormat::md, error));
    CHECK(!error.empty());
  }

  TEST_CASE("report: wikilinks read as their shown text; SVG is cleaned before inlining") {
    CHECK(unlink_text("with [[Pat Partner|Pat]] and [[Topic#part]]") == "with Pat and Topic");
    CHECK(inline_svg("<?xml version=\"1.0\"?>\n<!DOCTYPE svg>\n<!-- x --><svg><g/></svg>\n") == "<svg><g/></svg>\n");
    CHECK(inline_svg("<svg onload=\"alert(1)\"></svg>").empty());
    CHECK(inline_svg("<svg><script>alert(1)</script></svg>").empty());
  }

  TEST_CASE("report: the weekly data of an empty week renders the built-in templates") {
    auto r = test::load_sample();
    WeeklyBriefing b = build_weekly(r.kb, *parse_iso_week("2025-W10"));
    for (ReportFormat f : {ReportFormat::md, ReportFormat::html}) {
      const char* tpl = lookup_embedded_template(report_template_name("weekly", f));
      REQUIRE(tpl);
      std::ostringstream out;
      std::string error;
      REQUIRE(render_report(out, tpl, weekly_data(r.kb, b, f, std::nullopt), f, error));
      CHECK(out.str().find("No meetings are recorded in this week.") != std::string::npos);
      // No picture and no note about one when there is nothing to draw.
      CHECK(out.str().find("Graphviz") == std::string::npos);
    }
  }
}
