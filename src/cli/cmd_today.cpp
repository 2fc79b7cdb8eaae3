// kb today (alias kb agenda): the meetings of the next days with their prep, my overdue
// actions, what is due this week, who is waiting on me.
#include <memory>

#include <CLI/CLI.hpp>

#include "args.h"
#include "commands.h"
#include "kb/query/agenda.h"
#include "kb/query/home_side.h"
#include "kb/render/agenda.h"
#include "session.h"

namespace kb::cli {
namespace {

struct TodayOptions {
  std::string days = "2";
  std::vector<std::string> owners;
  std::string today;
};

// --owner as given, else kb.yaml `me`; std::nullopt after an error is printed.
std::optional<std::vector<NodeId>> owners_meant(Session& s, const KnowledgeBase& kb, const TodayOptions& o) {
  if (!o.owners.empty()) return resolve_all(s, kb, o.owners, RecordType::person);
  if (NodeId me = HomeSide(kb).me(); me.valid()) return std::vector<NodeId>{me};
  s.note("everyone's actions: set 'me:' in kb.yaml (or give --owner) for your own");
  return std::vector<NodeId>{};
}

ExitCode run_today(Session& s, const TodayOptions& o) {
  auto fmt = s.format(OutputFormat::table, {OutputFormat::table, OutputFormat::md, OutputFormat::json});
  if (!fmt) return ExitCode::usage;
  auto days = count_arg(s, "--days", o.days, 1);
  if (!days) return ExitCode::usage;
  AgendaOptions a;
  a.days = static_cast<long>(*days);
  auto today = s.today_arg(o.today);
  if (!today) return ExitCode::usage;
  a.today = *today;
  const KnowledgeBase* kb = s.kb(true, Session::Reads::graph);
  if (!kb) return ExitCode::failure;
  auto owners = owners_meant(s, *kb, o);
  if (!owners) return ExitCode::failure;
  a.owners = *owners;
  if (*fmt != OutputFormat::json) a.prep_actions = kPrepActionsShown;
  render_agenda(s.out, *kb, build_agenda(*kb, a), s.render_options(*fmt));
  return ExitCode::ok;
}

}  // namespace

void add_today_command(CLI::App& app, Invocation& inv) {
  auto o = std::make_shared<TodayOptions>();
  CLI::App* sub = app.add_subcommand("today", "Today's and tomorrow's meetings with their prep, my overdue and due actions");
  sub->alias("agenda");
  sub->add_option("--days", o->days, "Meetings of N days from today (default 2: today and tomorrow)")->type_name("N");
  sub->add_option("--owner", o->owners, "Whose actions (default: kb.yaml me; repeat for several)");
  sub->add_option("--today", o->today, "The DATE taken as today (default: today)");
  sub->footer("Waiting on me: the people of the meetings your open actions come from (the\n"
              "home side left out). Without me: in kb.yaml or --owner, everyone's actions.");
  sub->callback([o, &inv] { inv.run = [o](Session& s) { return run_today(s, *o); }; });
}

}  // namespace kb::cli
