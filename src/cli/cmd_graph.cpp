// kb graph: the graph, or the part of it that the query filters select, as DOT, JSON, GraphML
// or Mermaid.
#include <memory>

#include <CLI/CLI.hpp>

#include "args.h"
#include "commands.h"
#include "kb/query/meetings.h"
#include "kb/render/graph_out.h"
#include "session.h"

namespace kb::cli {
namespace {

struct GraphOptions {
  std::vector<std::string> orgs, people, topics, tags, text, where, has;
  std::string event, since, until, week;
  bool exact_org = false;
  bool any() const {
    return !orgs.empty() || !people.empty() || !topics.empty() || !tags.empty() || !text.empty() || !where.empty() ||
           !has.empty() || !event.empty() || !since.empty() || !until.empty() || !week.empty();
  }
};

ExitCode run_graph(Session& s, const GraphOptions& o) {
  GraphFormat gf = GraphFormat::dot;
  if (!s.globals.format.empty()) {
    auto f = parse_graph_format(s.globals.format);
    if (!f) {
      s.error("kb graph takes --format dot, json, graphml or mermaid, not '" + s.globals.format + "'");
      return ExitCode::usage;
    }
    gf = *f;
  }
  MeetingFilter f;
  if (!o.since.empty() && !(f.since = s.date_arg("--since", o.since))) return ExitCode::usage;
  if (!o.until.empty() && !(f.until = s.date_arg("--until", o.until))) return ExitCode::usage;
  if (!week_arg(s, o.week, f.since, f.until)) return ExitCode::usage;
  for (const auto& w : o.where) {
    auto eq = w.find('=');
    if (eq == std::string::npos || eq == 0) {
      s.error("invalid --where '" + w + "' (expected KEY=VALUE)");
      return ExitCode::usage;
    }
    f.where.emplace_back(w.substr(0, eq), w.substr(eq + 1));
  }
  f.has = o.has;
  f.tags = o.tags;
  f.text = parse_text_query(o.text);
  f.exact_org = o.exact_org;
  const KnowledgeBase* kb = s.kb();
  if (!kb) return ExitCode::failure;
  auto orgs = resolve_all(s, *kb, o.orgs, RecordType::organization);
  auto people = resolve_all(s, *kb, o.people, RecordType::person);
  auto topics = resolve_all(s, *kb, o.topics, RecordType::topic);
  if (!orgs || !people || !topics) return ExitCode::failure;
  f.orgs = *orgs;
  f.people = *people;
  f.topics = *topics;
  if (!o.event.empty()) {
    auto ev = resolve_one(s, *kb, o.event, RecordType::event);
    if (!ev) return ExitCode::failure;
    f.event = ev;
  }
  GraphScope scope;
  if (o.any()) {
    std::vector<NodeId> ids;
    for (const auto& m : find_meetings(*kb, f)) ids.push_back(m.id);
    if (ids.empty()) s.note("no meetings match: the graph is empty");
    scope.meetings = ids;
  }
  GraphRenderOptions ro;
  ro.format = gf;
  render_graph(s.out, *kb, build_graph(*kb, scope), ro);
  return ExitCode::ok;
}

}  // namespace

void add_graph_command(CLI::App& app, Invocation& inv) {
  auto o = std::make_shared<GraphOptions>();
  CLI::App* sub = app.add_subcommand("graph", "The graph (--format dot, json, graphml, mermaid), or the part around the meetings the filters select");
  sub->add_option("--org", o->orgs, "Meetings of an organization (and its sub-organizations and people)");
  sub->add_flag("--exact-org", o->exact_org, "--org matches only meetings that list the organization itself");
  sub->add_option("--person", o->people, "Meetings a person attended");
  sub->add_option("--topic", o->topics, "Meetings on a topic (and its sub-topics)");
  sub->add_option("--tag", o->tags, "Meetings with a tag");
  sub->add_option("--event", o->event, "Meetings of an event");
  sub->add_option("--since", o->since, "On or after this date (YYYY-MM-DD)");
  sub->add_option("--until", o->until, "On or before this date (YYYY-MM-DD)");
  sub->add_option("--week", o->week, "In this ISO week (YYYY-Www)");
  sub->add_option("--text", o->text, "Words in the note")->expected(1, -1);
  sub->add_option("--where", o->where, "A front-matter KEY=VALUE");
  sub->add_option("--has", o->has, "A front-matter KEY that is present and not empty");
  sub->callback([o, &inv] { inv.run = [o](Session& s) { return run_graph(s, *o); }; });
}

}  // namespace kb::cli
