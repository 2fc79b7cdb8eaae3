// kb show: one record and everything kb knows about it.
#include <memory>

#include <CLI/CLI.hpp>

#include "args.h"
#include "commands.h"
#include "kb/model/names.h"
#include "kb/query/profile.h"
#include "session.h"

namespace kb::cli {
namespace {

struct ShowOptions {
  std::string name;
};

ExitCode run_show(Session& s, const ShowOptions& o) {
  auto fmt = s.format(OutputFormat::table, {OutputFormat::table, OutputFormat::json, OutputFormat::md, OutputFormat::ids});
  if (!fmt) return ExitCode::usage;
  // The graph with the outcomes; the one note's text (its fields) is read when shown.
  const KnowledgeBase* kb = s.kb(true, Session::Reads::graph);
  if (!kb) return ExitCode::failure;
  auto id = resolve_any_one(s, *kb, o.name);
  if (!id) return ExitCode::failure;
  s.with_text(*id);
  render_profile(s.out, *kb, build_profile(*kb, *id, s.today()), s.render_options(*fmt));
  return ExitCode::ok;
}

}  // namespace

void add_show_command(CLI::App& app, Invocation& inv) {
  auto o = std::make_shared<ShowOptions>();
  CLI::App* sub = app.add_subcommand("show", "One record: fields, affiliations or members, meetings, co-attendees, topics, open actions");
  sub->add_option("name", o->name, "A name, alias or record id (e.g. people/francesc-pedro)")->required();
  sub->callback([o, &inv] { inv.run = [o](Session& s) { return run_show(s, *o); }; });
}

}  // namespace kb::cli
