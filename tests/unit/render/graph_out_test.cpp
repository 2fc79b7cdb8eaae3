#include "kb/render/graph_out.h"

#include <sstream>
#include <stdexcept>

#include <doctest/doctest.h>

#include "support/kb_fixture.h"

using namespace kb;

TEST_SUITE("render") {
  TEST_CASE("graph: every label is escaped for its format") {
    CHECK(dot_quote("a \"b\" \\ c\nd") == "\"a \\\"b\\\" \\\\ c\\nd\"");
    CHECK(xml_escape("<a & 'b'>\x01") == "&lt;a &amp; &apos;b&apos;&gt;");
    CHECK(mermaid_quote("a \"<b>\" #1 & `c`") == "\"a #quot;#lt;b#gt;#quot; #35;1 #amp; #96;c#96;\"");
  }

  TEST_CASE("graph: wikilink edges need a KB loaded with its links, not its text") {
    test::MemFileSystem fs = test::sample_fs();
    LoadOptions o;
    o.parts.text = false;
    o.parts.links = false;
    auto bare = load_kb(fs, o);
    GraphScope scope;
    CHECK_THROWS_AS(build_graph(bare.kb, scope), std::logic_error);
    o.parts.links = true;
    auto linked = load_kb(fs, o);
    GraphData with_links = build_graph(linked.kb, scope), from_all = build_graph(test::load_sample().kb, scope);
    CHECK(with_links.nodes == from_all.nodes);
    CHECK(with_links.edges.size() == from_all.edges.size());
    scope.mentions = false;
    auto full = test::load_sample();
    GraphData a = build_graph(bare.kb, scope), b = build_graph(full.kb, scope);
    CHECK(a.nodes == b.nodes);
    CHECK(a.edges.size() == b.edges.size());
  }

  TEST_CASE("graph: typed nodes and weighted edges around the selected meetings") {
    auto r = test::load_sample();
    const KnowledgeBase& kb = r.kb;
    GraphScope scope;
    scope.meetings = std::vector<NodeId>{};
    for (const auto& rec : kb.records())
      if (rec.rid == "meetings/2024/2024-05-01-ana" || rec.rid == "meetings/2024/2024-09-04-ana")
        scope.meetings->push_back(rec.id);
    scope.met = true;
    GraphData g = build_graph(kb, scope);
    std::vector<std::string> nodes;
    for (NodeId id : g.nodes) nodes.push_back(kb.at(id).name);
    CHECK(nodes == std::vector<std::string>{"Spring call with Ana", "Team sync", "Ana Mover", "Hao Home",
                                            "Future Team", "Home Org", "Other Org"});
    bool met = false;
    for (const auto& e : g.edges)
      if (e.type == EdgeType::met) {
        met = true;
        CHECK(e.weight == 2);
      }
    CHECK(met);
    std::ostringstream json;
    render_graph(json, kb, g, {GraphFormat::json, false});
    CHECK(json.str().find("\"type\": \"met\"") != std::string::npos);
    std::ostringstream dot;
    render_graph(dot, kb, g, {GraphFormat::dot, false});
    CHECK(dot.str().rfind("digraph kb {\n", 0) == 0);
    CHECK(dot.str().find("label=\"affiliated: Lead\"") != std::string::npos);
  }

  TEST_CASE("issue 24: a meeting of thousands of attendees gives a graph linear in them") {
    constexpr int kPeople = 3000;
    test::MemFileSystem fs;
    std::string attendees;
    for (int i = 0; i < kPeople; ++i) {
      std::string name = "Person " + std::to_string(i);
      fs.add("people/p" + std::to_string(i) + ".md", "---\nname: " + name + "\n---\n");
      attendees += "  - " + name + "\n";
    }
    fs.add("meetings/2024-09-02-all.md", "---\ntitle: All hands\ndate: 2024-09-02\nattendees:\n" + attendees + "---\n");
    auto r = load_kb(fs);
    GraphScope scope;
    GraphData g = build_graph(r.kb, scope);
    CHECK(g.nodes.size() == kPeople + 1);
    CHECK(g.edges.size() == kPeople);  // one 'attended' edge each; no person -> person edges
    std::ostringstream out;
    render_graph(out, r.kb, g, {GraphFormat::json, false});
    CHECK(out.str().find("\"met\"") == std::string::npos);
    SUBCASE("person -> person edges only when asked for") {
      test::MemFileSystem small;
      small.add("meetings/2024-09-02-m.md", "---\ntitle: M\ndate: 2024-09-02\nattendees: [A, B, C, A]\n---\n");
      auto kb3 = load_kb(small);
      scope.met = true;
      std::size_t met = 0;
      for (const auto& e : build_graph(kb3.kb, scope).edges) met += e.type == EdgeType::met;
      CHECK(met == 3);
    }
  }
}
