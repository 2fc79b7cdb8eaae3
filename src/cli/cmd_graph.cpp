// kb graph: the graph, or the part of it that the query filters select, as DOT, JSON, GraphML
// or Mermaid.
#include <memory>
#include <sstream>

#include <CLI/CLI.hpp>

#include "args.h"
#include "commands.h"
#include "kb/query/meetings.h"
#include "kb/render/graph_out.h"
#include "kb/store/output_file.h"
#include "session.h"

namespace kb::cli {
namespace {

struct GraphOptions {
  MeetingFilterArgs filter;
  bool met = false;    ///< --met: person -> person edges (quadratic in a meeting's attendees)
  std::string output;  ///< -o FILE; empty or "-": stdout
};

ExitCode run_graph(Session& s, const GraphOptions& o) {
  GraphFormat gf = GraphFormat::dot;
  // --format, else what `-o FILE`'s name says (g.graphml, g.json, g.mmd).
  const std::string given = s.globals.format.empty() ? format_of_file(o.output) : s.globals.format;
  if (!given.empty()) {
    auto f = parse_graph_format(given);
    if (!f) {
      s.error("kb graph takes --format dot, json, graphml or mermaid, not '" + given + "'");
      return ExitCode::usage;
    }
    gf = *f;
  }
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
  ro.format = gf;
  if (o.output.empty() || o.output == "-") {
    render_graph(s.out, *kb, build_graph(*kb, scope), ro);
    return ExitCode::ok;
  }
  std::ostringstream text;
  render_graph(text, *kb, build_graph(*kb, scope), ro);
  OutputRules rules;
  rules.kb_root = s.root();
  WriteResult w = write_output(o.output, text.str(), rules);
  if (w.status != WriteStatus::ok) {
    s.error(w.message);
    return ExitCode::failure;
  }
  s.note("wrote " + o.output);
  return ExitCode::ok;
}

}  // namespace

void add_graph_command(CLI::App& app, Invocation& inv) {
  auto o = std::make_shared<GraphOptions>();
  CLI::App* sub = app.add_subcommand("graph", "The graph (--format dot, json, graphml, mermaid), or the part around the meetings the filters select");
  add_meeting_filter_options(sub, o->filter);
  sub->add_flag("--met", o->met,
                "Also join every two people who attended a meeting together (n*(n-1)/2 edges for n attendees)");
  sub->add_option("-o,--output", o->output, "Write to FILE (whole or not at all) instead of stdout");
  sub->callback([o, &inv] { inv.run = [o](Session& s) { return run_graph(s, *o); }; });
}

}  // namespace kb::cli
