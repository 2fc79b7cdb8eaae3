// kb decisions: decisions across meetings, in date order.
#include <memory>

#include <CLI/CLI.hpp>

#include "args.h"
#include "commands.h"
#include "kb/query/actions.h"
#include "session.h"

namespace kb::cli {
namespace {

struct DecisionsOptions {
  std::vector<std::string> orgs, topics;
  std::string since, until;
};

ExitCode run_decisions(Session& s, const DecisionsOptions& o) {
  auto fmt = s.format(OutputFormat::table, {OutputFormat::table, OutputFormat::json, OutputFormat::jsonl,
                                            OutputFormat::csv, OutputFormat::md, OutputFormat::ids});
  if (!fmt) return ExitCode::usage;
  DecisionFilter f;
  if (!since_until_args(s, o.since, o.until, f.since, f.until)) return ExitCode::usage;
  const KnowledgeBase* kb = s.kb(true, Session::Reads::graph);
  if (!kb) return ExitCode::failure;
  auto orgs = resolve_all(s, *kb, o.orgs, RecordType::organization);
  auto topics = resolve_all(s, *kb, o.topics, RecordType::topic);
  if (!orgs || !topics) return ExitCode::failure;
  f.orgs = *orgs;
  f.topics = *topics;
  auto decisions = find_decisions(*kb, f);
  render_decisions(s.out, *kb, decisions, s.render_options(*fmt));
  if (decisions.empty()) s.note("no decisions match");
  return ExitCode::ok;
}

}  // namespace

void add_decisions_command(CLI::App& app, Invocation& inv) {
  auto o = std::make_shared<DecisionsOptions>();
  CLI::App* sub = app.add_subcommand("decisions", "Decisions across meetings, in date order");
  sub->add_option("--org", o->orgs, "From meetings of this organization (with its sub-organizations and people)");
  sub->add_option("--topic", o->topics, "From meetings on this topic (and its sub-topics)");
  sub->add_option("--since", o->since, "On or after this DATE (2024-09-02, yesterday, -7d, last monday)");
  sub->add_option("--until", o->until, "On or before this DATE");
  sub->callback([o, &inv] { inv.run = [o](Session& s) { return run_decisions(s, *o); }; });
}

}  // namespace kb::cli
