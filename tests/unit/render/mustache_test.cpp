#include "kb/render/mustache.h"

#include <stdexcept>

#include <doctest/doctest.h>

using namespace kb;

namespace {

std::string render(std::string_view tpl, const TemplateData& d) {
  std::string error;
  auto out = render_mustache(tpl, d, nullptr, error);
  REQUIRE_MESSAGE(out.has_value(), error);
  return *out;
}

TemplateData person(const char* name, const char* org = nullptr) {
  TemplateData p;
  p.set("name", name);
  if (org) p.set("org", org);
  return p;
}

TemplateData texts(std::initializer_list<const char*> items) {
  std::vector<TemplateData> out;
  for (const char* t : items) out.emplace_back(t);
  return TemplateData::list(std::move(out));
}

}  // namespace

TEST_SUITE("render") {
  TEST_CASE("mustache: a rendering into blocks gives the text a string rendering gives") {
    std::vector<TemplateData> items;
    for (int i = 0; i < 30000; ++i) items.emplace_back(std::string(40 + i % 13, static_cast<char>('a' + i % 26)));
    TemplateData d;
    d.set("items", TemplateData::list(std::move(items)));
    const std::string tpl = "{{#items}}{{.}}\n{{/items}}";
    BlockText blocks;
    std::string error;
    REQUIRE(render_mustache(tpl, d, nullptr, blocks, error));
    REQUIRE(blocks.blocks().size() == 2);  // 1.4 MB
    CHECK(blocks.blocks()[0].size() == std::size_t{1} << 20);
    std::string joined;
    for (const auto& b : blocks.blocks()) joined += b;
    CHECK(joined == render(tpl, d));
  }

  TEST_CASE("mustache: a section's names resolve in it, then outward") {
    TemplateData d;
    d.set("org", "UNESCO");
    d.set("people", TemplateData::list({person("Ana"), person("Ben", "IESALC")}));
    CHECK(render("{{#people}}{{name}} of {{org}}; {{/people}}", d) == "Ana of UNESCO; Ben of IESALC; ");
    CHECK(render("{{#people}}{{missing}}{{/people}}|", d) == "|");
  }

  TEST_CASE("mustache: {{.}} is the item of a list of texts, or the text a section opens") {
    TemplateData d;
    d.set("tags", texts({"a", "b"}));
    d.set("title", "Week");
    CHECK(render("{{#tags}}[{{.}}]{{/tags}}", d) == "[a][b]");
    CHECK(render("{{#title}}<{{.}}>{{/title}}", d) == "<Week>");
  }

  TEST_CASE("mustache: flags, empty lists and missing names open inverted sections") {
    TemplateData d;
    d.set("yes", true);
    d.set("no", false);
    d.set("none", TemplateData::list());
    d.set("some", texts({"x"}));
    d.set("obj", person("Ana"));
    CHECK(render("{{#yes}}Y{{/yes}}{{^yes}}n{{/yes}}", d) == "Y");
    CHECK(render("{{#no}}Y{{/no}}{{^no}}n{{/no}}", d) == "n");
    CHECK(render("{{#none}}Y{{/none}}{{^none}}n{{/none}}", d) == "n");
    CHECK(render("{{#some}}Y{{/some}}{{^some}}n{{/some}}", d) == "Y");
    CHECK(render("{{#gone}}Y{{/gone}}{{^gone}}n{{/gone}}", d) == "n");
    CHECK(render("{{#obj}}{{name}}{{/obj}}{{^obj}}n{{/obj}}", d) == "Ana");
    // Only texts render as values: an object, a list or a flag renders nothing.
    CHECK(render("<{{obj}}{{some}}{{yes}}{{no}}>", d) == "<>");
  }

  TEST_CASE("mustache: a dotted name resolves in the first frame holding its whole path") {
    TemplateData inner;
    inner.set("c", "deep");
    TemplateData a;
    a.set("b", std::move(inner));
    TemplateData d;
    d.set("a", std::move(a));
    TemplateData item;
    item.set("a", person("shadow"));  // has a, but not a.b.c
    d.set("items", TemplateData::list({item}));
    CHECK(render("{{a.b.c}}", d) == "deep");
    CHECK(render("{{#a}}{{b.c}}{{/a}}", d) == "deep");
    CHECK(render("{{#items}}{{a.b.c}}/{{a.name}}{{/items}}", d) == "deep/shadow");
    CHECK(render("{{a.x.c}}|", d) == "|");
  }

  TEST_CASE("mustache: partials named by a text in the data, delimiters, escaping") {
    TemplateData d;
    d.set("line", "Hi {{name}}");
    d.set("name", "<Ana>");
    CHECK(render("{{>line}}!", d) == "Hi <Ana>!");
    CHECK(render("{{=<% %>=}}<% name %>", d) == "<Ana>");
    std::string error;
    auto escaped = render_mustache("{{name}} {{{name}}}", d, [](const std::string& s) { return "[" + s + "]"; }, error);
    CHECK(escaped == "[<Ana>] <Ana>");
  }

  TEST_CASE("mustache: a made list renders as the stored one, its items made as reached") {
    std::vector<TemplateData> stored;
    for (const char* n : {"Ana", "Ben", "Cy"}) stored.push_back(person(n));
    int made = 0;
    TemplateData lazy = TemplateData::list(stored.size(), [&](std::size_t i) {
      ++made;
      TemplateData p = person(stored[i].find("name")->text().c_str());
      p.set("tags", TemplateData::list(2, [i](std::size_t j) { return TemplateData(std::to_string(i) + std::to_string(j)); }));
      return p;
    });
    CHECK(lazy.made());
    CHECK(lazy.size() == 3);
    CHECK_THROWS_AS(lazy.items(), std::logic_error);
    CHECK(lazy.item(1).find("name")->text() == "Ben");
    made = 0;

    TemplateData d;
    d.set("org", "UNESCO");
    d.set("people", std::move(lazy));
    const char* tpl = "{{#people}}{{name}}({{org}}:{{#tags}}{{.}}{{/tags}}) {{/people}}";
    CHECK(render(tpl, d) == "Ana(UNESCO:0001) Ben(UNESCO:1011) Cy(UNESCO:2021) ");
    CHECK(made == 3);
    // Read twice, made twice: nothing is kept once the template leaves an item.
    CHECK(render("{{#people}}{{name}}{{/people}}|{{#people}}{{name}}{{/people}}", d) == "AnaBenCy|AnaBenCy");
    CHECK(made == 9);

    TemplateData empty;
    empty.set("none", TemplateData::list(0, [&](std::size_t) {
      ++made;
      return TemplateData();
    }));
    CHECK(render("{{#none}}x{{/none}}{{^none}}empty{{/none}}", empty) == "empty");
    CHECK(made == 9);
  }

  TEST_CASE("mustache: an object's looked-up members are made when asked for, each once") {
    std::vector<std::string> asked;
    TemplateData item = TemplateData::object([&](std::string_view key) -> std::optional<TemplateData> {
      asked.emplace_back(key);
      if (key == "name") return TemplateData("Ana");
      if (key == "lead") return TemplateData(true);
      if (key == "roles") return texts({"chair", "host"});
      return std::nullopt;
    });
    item.set("name", "set first");  // a member set is found before the lookup is asked
    CHECK(item.looked_up());
    CHECK(item.fields().size() == 1);
    const TemplateData* roles = item.find("roles");
    REQUIRE(roles);
    CHECK(item.find("lead")->flag());
    CHECK(item.find("roles") == roles);  // made once; its address holds as more are made
    CHECK(asked == std::vector<std::string>{"roles", "lead"});
    asked.clear();

    TemplateData d;
    d.set("org", "UNESCO");
    d.set("people", TemplateData::list({item}));
    // Names it has not resolve outward, as a stored object's do; a section over one of its
    // members reads the member, each made once.
    CHECK(render("{{#people}}{{name}} of {{org}}{{#lead}}*{{/lead}}:{{#roles}} {{.}}{{/roles}}{{^none}}.{{/none}}{{/people}}",
                 d) == "set first of UNESCO*: chair host.");
    CHECK(asked == std::vector<std::string>{"org", "none"});  // the copy in the list kept what it made
  }

  TEST_CASE("mustache: a template error is reported, not rendered") {
    std::string error;
    CHECK_FALSE(render_mustache("{{#open}}", TemplateData(), nullptr, error).has_value());
    CHECK_FALSE(error.empty());
  }
}
