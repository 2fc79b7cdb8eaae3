// kb stale: people and organizations not met in N days (the "going cold" list).
#include <memory>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "args.h"
#include "commands.h"
#include "kb/query/stale.h"
#include "kb/render/relations.h"
#include "session.h"

namespace kb::cli {
namespace {

struct StaleOptions {
  std::string days = "90";
  std::string org, today;
};

ExitCode run_stale(Session& s, const StaleOptions& o) {
  auto fmt = s.format(OutputFormat::table, {OutputFormat::table, OutputFormat::json, OutputFormat::jsonl,
                                            OutputFormat::csv, OutputFormat::md, OutputFormat::ids});
  if (!fmt) return ExitCode::usage;
  auto days = count_arg(s, "--days", o.days, 0);
  if (!days) return ExitCode::usage;
  StaleFilter f;
  f.days = static_cast<long>(*days);
  auto today = s.today_arg(o.today);
  if (!today) return ExitCode::usage;
  f.today = *today;
  const KnowledgeBase* kb = s.kb(true, Session::Reads::outline);
  if (!kb) return ExitCode::failure;
  if (!o.org.empty()) {
    auto org = resolve_one(s, *kb, o.org, RecordType::organization);
    if (!org) return ExitCode::failure;
    f.org = org;
  }
  auto list = find_stale(*kb, f);
  render_stale(s.out, *kb, list, s.render_options(*fmt));
  if (list.empty()) s.note(fmt::format("nobody has gone {} days without a meeting", o.days));
  return ExitCode::ok;
}

}  // namespace

void add_stale_command(CLI::App& app, Invocation& inv) {
  auto o = std::make_shared<StaleOptions>();
  CLI::App* sub = app.add_subcommand("stale", "People and organizations not met in N days, newest contact first");
  sub->add_option("--days", o->days, "Stale after this many days without a meeting (default 90)");
  sub->add_option("--org", o->org, "Only this organization, its sub-organizations and their people");
  sub->add_option("--today", o->today, "The DATE taken as today (default: today)");
  sub->callback([o, &inv] { inv.run = [o](Session& s) { return run_stale(s, *o); }; });
}

}  // namespace kb::cli
