// kb actions done ID LINE|TEXT: marks one open action item done in place (`[x]` and
// ` ✅ YYYY-MM-DD`), changing nothing else, and refuses when the file changed meanwhile.
#include <memory>

#include <CLI/CLI.hpp>

#include "commands.h"
#include "kb/base/text.h"
#include "kb/model/names.h"
#include "kb/parse/record.h"
#include "kb/store/edit.h"
#include "kb/store/real_fs.h"
#include "session.h"

namespace kb::cli {
namespace {

struct ActionsDoneOptions {
  std::string record;
  std::string which;  // a line number or words of the action
  std::string today;
};

bool all_digits(const std::string& s) {
  return !s.empty() && s.size() < 10 && s.find_first_not_of("0123456789") == std::string::npos;
}

std::string lines_text(const std::vector<const TaskItem*>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + std::to_string(items[i]->loc.line);
  return out;
}

ExitCode run_actions_done(Session& s, const ActionsDoneOptions& o) {
  Date today = s.today();
  if (!o.today.empty()) {
    auto d = s.date_arg("--today", o.today);
    if (!d) return ExitCode::usage;
    today = *d;
  }
  const KnowledgeBase* kb = s.kb(true, Session::Reads::graph);  // the actions and where they are written
  if (!kb) return ExitCode::failure;
  DiagSink rd;
  std::optional<NodeId> id = resolve_any(*kb, o.record, rd);
  if (!id) {
    for (const auto& d : rd.all()) s.error(d.message);
    return ExitCode::failure;
  }
  const Record& r = kb->at(*id);
  if (!r.defined || r.path.empty()) {
    s.error("'" + o.record + "' is a name no record defines; give a meeting id (see 'kb actions')");
    return ExitCode::failure;
  }

  // Work on the file as it is now, not as it was loaded: the line numbers must match it.
  RealFileSystem fs(s.root());
  std::string text, error;
  if (!fs.read(r.path, text, error)) {
    s.error("cannot read '" + r.path + "': " + error);
    return ExitCode::failure;
  }
  DiagSink diags;
  auto raw = parse_record(r.path.str(), text, diags);
  if (!raw) {
    s.print(diags, false);
    return ExitCode::failure;
  }
  const auto& tasks = raw->facts.tasks;
  int line = 0;
  if (all_digits(o.which)) {
    line = std::stoi(o.which);
    const TaskItem* hit = nullptr;
    for (const auto& t : tasks)
      if (t.loc.line == line) hit = &t;
    if (!hit) {
      s.error("line " + o.which + " of '" + r.path + "' is not an action item (run 'kb actions --all' for the lines)");
      return ExitCode::failure;
    }
    if (hit->done) {
      s.error("the action on line " + o.which + " of '" + r.path + "' is done already");
      return ExitCode::failure;
    }
  } else {
    std::string want = fold(trim(o.which));
    std::vector<const TaskItem*> hits;
    for (const auto& t : tasks)
      if (!t.done && !want.empty() && fold(t.text).find(want) != std::string::npos) hits.push_back(&t);
    if (hits.empty()) {
      s.error("no open action in '" + r.path + "' contains '" + o.which + "' (run 'kb actions' to see them)");
      return ExitCode::failure;
    }
    if (hits.size() > 1) {
      s.error("'" + o.which + "' matches " + std::to_string(hits.size()) + " open actions in '" + r.path +
              "' (lines " + lines_text(hits) + "); give the line number");
      return ExitCode::failure;
    }
    line = hits.front()->loc.line;
  }

  EditResult e = write_action_done(fs, r.path, text, line, today);
  if (e.mark == MarkStatus::not_a_task || e.mark == MarkStatus::no_such_line) {
    // The parser saw a task the line scanner does not (e.g. a lazy continuation): touch nothing.
    s.error("line " + std::to_string(line) + " of '" + r.path + "' does not start with a '[ ]' task marker; edit it by hand");
    return ExitCode::failure;
  }
  if (e.mark == MarkStatus::already_done) {
    s.error("the action on line " + std::to_string(line) + " of '" + r.path + "' is done already");
    return ExitCode::failure;
  }
  if (e.status == WriteStatus::changed) {
    s.error("'" + r.path + "' changed while kb was marking the action; nothing written (run the command again)");
    return ExitCode::failure;
  }
  if (e.status != WriteStatus::ok) {
    s.error("cannot write '" + r.path + "': " + e.message);
    return ExitCode::failure;
  }
  s.out << r.path << ':' << line << ": " << std::string(trim(e.edited)) << '\n';
  return ExitCode::ok;
}

}  // namespace

void add_actions_done_command(CLI::App& actions, Invocation& inv) {
  auto o = std::make_shared<ActionsDoneOptions>();
  CLI::App* sub = actions.add_subcommand("done", "Mark one action item done in place (stamps ✅ and the date)");
  sub->add_option("id", o->record, "The meeting: its id (e.g. meetings/2024/2024-09-02-x) or title")->required();
  sub->add_option("line", o->which, "The action's line number (see 'kb actions'), or words that match one open action")
      ->required();
  sub->add_option("--today", o->today, "The DATE to stamp (default: today)");
  sub->callback([o, &inv] { inv.run = [o](Session& s) { return run_actions_done(s, *o); }; });
}

}  // namespace kb::cli
