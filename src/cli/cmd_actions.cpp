// kb actions: action items across meetings (or all notes: --all-notes, `tasks: all-notes` in
// kb.yaml), by due date. `kb actions done` is registered on this command by
// cmd_actions_edit.cpp.
#include <memory>

#include <CLI/CLI.hpp>

#include "args.h"
#include "commands.h"
#include "kb/query/actions.h"
#include "session.h"

namespace kb::cli {
namespace {

struct ActionsOptions {
  bool open = false, done = false, all = false, overdue = false, all_notes = false;
  std::vector<std::string> owners, orgs;
  std::string due_before, today;
};

ExitCode run_actions(Session& s, const ActionsOptions& o) {
  auto fmt = s.format(OutputFormat::table, {OutputFormat::table, OutputFormat::json, OutputFormat::jsonl,
                                            OutputFormat::csv, OutputFormat::md, OutputFormat::ids});
  if (!fmt) return ExitCode::usage;
  if (int(o.open) + int(o.done) + int(o.all) > 1) {
    s.error("give only one of --open, --done and --all");
    return ExitCode::usage;
  }
  ActionFilter f;
  f.state = o.done ? ActionState::done : o.all ? ActionState::all : ActionState::open;
  f.overdue = o.overdue;
  if (o.overdue && o.done) {
    s.error("--overdue lists open actions; it cannot go with --done");
    return ExitCode::usage;
  }
  if (!o.due_before.empty() && !(f.due_before = s.date_arg("--due-before", o.due_before))) return ExitCode::usage;
  auto today = s.today_arg(o.today);
  if (!today) return ExitCode::usage;
  f.today = *today;
  const KnowledgeBase* kb = s.kb(true, Session::Reads::actions);
  if (!kb) return ExitCode::failure;
  auto owners = resolve_all(s, *kb, o.owners, RecordType::person);
  auto orgs = resolve_all(s, *kb, o.orgs, RecordType::organization);
  if (!owners || !orgs) return ExitCode::failure;
  f.owners = *owners;
  f.orgs = *orgs;
  f.all_notes = o.all_notes || kb->config.tasks_all_notes;
  auto actions = find_actions(*kb, f);
  RenderOptions ro = s.render_options(*fmt);
  ro.today = f.today;  // what is overdue, in red on a terminal
  render_actions(s.out, *kb, actions, ro);
  if (actions.empty()) s.note("no actions match");
  return ExitCode::ok;
}

}  // namespace

void add_actions_command(CLI::App& app, Invocation& inv) {
  auto o = std::make_shared<ActionsOptions>();
  CLI::App* sub = app.add_subcommand("actions", "Action items across meetings, by due date (undated last)");
  sub->add_flag("--open", o->open, "Open actions only (the default)");
  sub->add_flag("--done", o->done, "Done actions only");
  sub->add_flag("--all", o->all, "Open and done actions");
  sub->add_option("--owner", o->owners, "Owned by this person (repeat for any of several)");
  sub->add_option("--org", o->orgs, "From meetings of this organization (with its sub-organizations and people)");
  sub->add_option("--due-before", o->due_before, "Due before this DATE (2024-09-02, tomorrow, +2w, next friday)");
  sub->add_flag("--overdue", o->overdue, "Open and due before today");
  sub->add_option("--today", o->today, "The DATE taken as today for --overdue (default: today)");
  sub->add_flag("--all-notes", o->all_notes, "Tasks of every note, not only meetings (or tasks: all-notes in kb.yaml)");
  CLI::App* actions = sub;
  add_actions_edit_commands(*actions, inv);
  // `kb actions done ...` (and the other verbs) set inv.run themselves; this callback runs after it and must not override it.
  sub->callback([o, &inv, actions] {
    if (!actions->get_subcommands().empty()) return;
    inv.run = [o](Session& s) { return run_actions(s, *o); };
  });
}

}  // namespace kb::cli
