// kb graph: the graph, or the part of it that the query filters select, as DOT, JSON, GraphML
// or Mermaid, or as SVG drawn by Graphviz's `dot` from the DOT.
#include <memory>
#include <sstream>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "args.h"
#include "commands.h"
#include "kb/query/meetings.h"
#include "kb/render/graph_out.h"
#include "kb/store/graphviz.h"
#include "kb/store/output_file.h"
#include "session.h"

namespace kb::cli {
namespace {

struct GraphOptions {
  MeetingFilterArgs filter;
  bool met = false;    ///< --met: person -> person edges (quadratic in a meeting's attendees)
  std::string output;  ///< -o FILE; empty or "-": stdout
  std::string audience;
};

// The graph's format: --format, else what `-o FILE`'s name says (g.graphml, g.svg); `svg`
// is DOT that `dot -Tsvg` draws. std::nullopt after a usage error.
std::optional<GraphFormat> graph_format(Session& s, const std::string& output, bool& svg) {
  const std::string given = s.globals.format.empty() ? format_of_file(output) : s.globals.format;
  svg = given == "svg";
  if (given.empty() || svg) return GraphFormat::dot;
  auto f = parse_graph_format(given);
  if (!f) s.error(fmt::format("kb graph takes --format dot, json, graphml, mermaid or svg, not '{}'", given));
  return f;
}

// The DOT drawn as SVG by Graphviz; std::nullopt after the error is printed.
std::optional<std::string> svg_of(Session& s, const std::string& dot) {
  if (!find_dot()) {
    s.error("SVG is drawn by Graphviz's 'dot', which is not on PATH (install graphviz, or write --format dot)");
    return std::nullopt;
  }
  auto svg = render_svg_with_dot(dot);
  if (!svg) s.error("Graphviz's 'dot' failed to draw the graph (try --format dot | dot -Tsvg to see why)");
  return svg;
}

ExitCode run_graph(Session& s, const GraphOptions& o) {
  bool svg = false;
  auto gf = graph_format(s, o.output, svg);
  if (!gf) return ExitCode::usage;
  MeetingFilter f;
  const KnowledgeBase* kb = nullptr;
  // The graph draws [[wikilinks]] too: the notes' links are read.
  if (ExitCode rc = meeting_filter(s, o.filter, f, kb, Session::Reads::links); rc != ExitCode::ok) return rc;
  GraphScope scope;
  scope.met = o.met;
  if (o.filter.any()) {
    std::vector<NodeId> ids;
    for (const auto& m : find_meetings(*kb, f)) ids.push_back(m.id);
    if (ids.empty()) s.note("no meetings match: the graph is empty");
    scope.meetings = ids;
  }
  GraphRenderOptions ro;
  ro.format = *gf;
  const bool to_stdout = o.output.empty() || o.output == "-";
  if (to_stdout && !svg) {
    render_graph(s.out, *kb, build_graph(*kb, scope), ro);
    return ExitCode::ok;
  }
  std::ostringstream text;
  render_graph(text, *kb, build_graph(*kb, scope), ro);
  std::optional<std::string> doc = text.str();
  if (svg && !(doc = svg_of(s, *doc))) return ExitCode::failure;
  if (to_stdout) {
    s.out << *doc;
    return ExitCode::ok;
  }
  OutputRules rules;
  rules.kb_root = s.root();
  WriteResult w = write_output(o.output, *doc, rules);
  if (w.status != WriteStatus::ok) {
    s.error(w.message);
    return ExitCode::failure;
  }
  s.note(fmt::format("wrote {}", o.output));
  return ExitCode::ok;
}

}  // namespace

void add_graph_command(CLI::App& app, Invocation& inv) {
  auto o = std::make_shared<GraphOptions>();
  CLI::App* sub = app.add_subcommand("graph", "The graph (--format dot, json, graphml, mermaid, svg), or the part around the meetings the filters select");
  add_meeting_filter_options(sub, o->filter);
  sub->add_flag("--met", o->met,
                "Also join every two people who attended a meeting together (n*(n-1)/2 edges for n attendees)");
  sub->add_option("-o,--output", o->output, "Write to FILE, whole or not at all; its extension picks the format");
  add_audience_option(sub, o->audience);
  sub->callback([o, &inv] {
    inv.run = [o](Session& s) {
      s.audience = o->audience;
      return run_graph(s, *o);
    };
  });
}

}  // namespace kb::cli
