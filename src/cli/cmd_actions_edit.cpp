// kb actions done|cancel|reopen|due|reassign|add: one action item changed (or added) in place
// (store/edit.h), nothing else in the note, refused when the note changed meanwhile. An action
// is named by REF: `ID:LINE` as `kb actions --format ids` prints it, `ID LINE`, `ID WORDS`, or
// words that match one action of the whole KB.
#include <memory>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "args.h"
#include "commands.h"
#include "kb/base/text.h"
#include "kb/model/names.h"
#include "kb/parse/record.h"
#include "kb/store/edit.h"
#include "kb/store/real_fs.h"
#include "session.h"
#include "writing.h"

namespace kb::cli {
namespace {

struct EditOptions {
  TaskChange::Op op = TaskChange::Op::done;
  std::string ref;
  std::string which;  // a line number or words, when ref is a record
  std::string date;   // done/cancel: the day stamped (--today); due: the new due date
  std::string owner;  // reassign, add
  std::string text;   // add
};

bool all_digits(const std::string& s) {
  return !s.empty() && s.size() < 10 && s.find_first_not_of("0123456789") == std::string::npos;
}

// Which items a verb may change: open ones (done, cancel), closed ones (reopen), or any.
bool takes(TaskChange::Op op, bool open) {
  if (op == TaskChange::Op::reopen) return !open;
  if (op == TaskChange::Op::done || op == TaskChange::Op::cancel) return open;
  return true;
}

// The word for the items a verb takes, for messages: "open ", "closed " or "".
std::string kind_taken(TaskChange::Op op) {
  return !takes(op, true) ? "closed " : !takes(op, false) ? "open " : "";
}

// An action found: the note, its text as read now, the item's line and what the parser saw.
struct Found {
  std::string path;
  std::string text;
  int line = 0;
  TaskItem item;
};

std::optional<Found> in_note(Session& s, FileSystem& fs, const std::string& path, const std::string& which,
                             TaskChange::Op op) {
  Found f{path, {}, 0, {}};
  std::string error;
  if (!fs.read(path, f.text, error)) {
    s.error(fmt::format("cannot read '{}': {}", path, error));
    return std::nullopt;
  }
  DiagSink diags;
  auto raw = parse_record(path, f.text, diags);
  if (!raw) {
    s.print(diags, false);
    return std::nullopt;
  }
  std::vector<const TaskItem*> hits;
  const std::string want = fold(trim(which));
  for (const auto& t : raw->facts.tasks)
    if (all_digits(which) ? t.loc.line == std::stoi(which) : (takes(op, !t.done && !t.cancelled) && fold(t.text).find(want) != std::string::npos))
      hits.push_back(&t);
  if (hits.size() != 1) {
    const std::string kind = kind_taken(op);
    std::string lines;
    for (const TaskItem* t : hits) lines += (lines.empty() ? "" : ", ") + std::to_string(t->loc.line);
    s.error(hits.empty()
                ? (all_digits(which)
                       ? fmt::format("line {} of '{}' is not an action item (run 'kb actions --all' for the lines)",
                                     which, path)
                       : fmt::format("no {}action in '{}' contains '{}'", kind, path, which))
                : fmt::format("'{}' matches {} {}actions in '{}' (lines {}); give the line number", which, hits.size(),
                              kind, path, lines));
    return std::nullopt;
  }
  f.line = hits.front()->loc.line;
  f.item = *hits.front();
  return f;
}

// Words that match one action of the whole KB (open ones, or closed ones for reopen).
std::optional<std::pair<std::string, std::string>> by_words(Session& s, const KnowledgeBase& kb, const std::string& words,
                                                            TaskChange::Op op) {
  std::vector<std::pair<std::string, std::string>> hits;
  const std::string want = fold(trim(words));
  for (const Record& r : kb.records()) {
    if (!r.defined || want.empty() || (r.type != RecordType::meeting && !kb.config.tasks_all_notes)) continue;
    for (const Action& a : *r.actions) {
      if (takes(op, a.is_open()) && fold(a.text).find(want) != std::string::npos)
        hits.emplace_back(r.path.str(), std::to_string(a.loc.line));
    }
  }
  if (hits.size() == 1) return hits.front();
  const std::string kind = op == TaskChange::Op::reopen ? "done or cancelled " : kind_taken(op);
  if (hits.empty())
    s.error(fmt::format("no {}action matches '{}' (run 'kb actions --all' to see them)", kind, words));
  else
    s.error(fmt::format("'{}' matches {} actions; give ID:LINE (see 'kb actions --format ids')", words, hits.size()));
  return std::nullopt;
}

std::optional<Found> find_action(Session& s, const KnowledgeBase& kb, FileSystem& fs, const EditOptions& o) {
  std::string record = o.ref, which = o.which;
  if (which.empty()) {
    const std::size_t colon = o.ref.rfind(':');
    if (colon != std::string::npos && all_digits(o.ref.substr(colon + 1))) {
      record = o.ref.substr(0, colon);
      which = o.ref.substr(colon + 1);
    } else {
      auto hit = by_words(s, kb, o.ref, o.op);
      if (!hit) return std::nullopt;
      return in_note(s, fs, hit->first, hit->second, o.op);
    }
  }
  DiagSink rd;
  std::optional<NodeId> id = resolve_any(kb, record, rd);
  if (!id || !kb.at(*id).defined || kb.at(*id).path.empty()) {
    for (const auto& d : rd.all()) s.error(d.message);
    if (id) s.error(fmt::format("'{}' is a name no record defines; give a meeting id (see 'kb actions')", record));
    return std::nullopt;
  }
  return in_note(s, fs, kb.at(*id).path.str(), which, o.op);
}

// The link target naming the item's owner as written (the first link to a person), or "".
std::string owner_written(const KnowledgeBase& kb, const TaskItem& item) {
  for (const WikiLink& l : item.links) {
    DiagSink quiet;
    if (resolve_name(kb, l.target, RecordType::person, quiet)) return l.target;
  }
  return {};
}

std::optional<TaskChange> the_change(Session& s, const KnowledgeBase& kb, const EditOptions& o, const Found& f) {
  TaskChange c;
  c.op = o.op;
  c.date = s.today();
  if (!o.date.empty()) {
    auto d = s.date_arg(o.op == TaskChange::Op::due ? "the due date" : "--today", o.date);
    if (!d) return std::nullopt;
    c.date = *d;
  }
  if (o.op == TaskChange::Op::owner) {
    std::vector<GivenName> owner;
    if (!resolve_for_write(s, kb, {o.owner}, RecordType::person, false, owner, true) || owner.empty()) return std::nullopt;
    c.owner_from = owner_written(kb, f.item);
    c.owner_to = owner.front().written;
  }
  return c;
}

std::string refusal(MarkStatus m, const Found& f) {
  const std::string where = fmt::format("the action on line {} of '{}'", f.line, f.path);
  switch (m) {
    case MarkStatus::already_done:
      return fmt::format("{} {}", where, f.item.cancelled ? "is cancelled" : "is done already");
    case MarkStatus::not_closed:
      return fmt::format("{} is open", where);
    default:
      return fmt::format("line {} of '{}' does not start with a task marker; edit it by hand", f.line, f.path);
  }
}

ExitCode run_edit(Session& s, const EditOptions& o) {
  const KnowledgeBase* kb = s.kb(true, Session::Reads::graph);  // the actions and where they are written
  if (!kb) return ExitCode::failure;
  RealFileSystem fs(s.root());
  auto found = find_action(s, *kb, fs, o);  // the file as it is now: the line numbers must match it
  if (!found) return ExitCode::failure;
  auto change = the_change(s, *kb, o, *found);
  if (!change) return ExitCode::usage;
  EditResult e = write_task_change(fs, found->path, found->text, found->line, *change);
  if (e.mark != MarkStatus::ok) {
    s.error(refusal(e.mark, *found));
    return ExitCode::failure;
  }
  if (e.status == WriteStatus::changed) {
    s.error(fmt::format("'{}' changed while kb was editing it; nothing written (run the command again)", found->path));
    return ExitCode::failure;
  }
  if (e.status != WriteStatus::ok) {
    s.error(fmt::format("cannot write '{}': {}", found->path, e.message));
    return ExitCode::failure;
  }
  int line = found->line;
  if (!e.next.empty()) s.out << found->path << ':' << line++ << ": " << std::string(trim(e.next)) << '\n';
  s.out << found->path << ':' << line << ": " << std::string(trim(e.edited)) << '\n';
  return ExitCode::ok;
}

ExitCode run_add_action(Session& s, const EditOptions& o) {
  if (!one_line(s, "the action", o.text)) return ExitCode::usage;
  std::string item(trim(o.text));
  if (item.empty()) {
    s.error("the action is empty");
    return ExitCode::usage;
  }
  const KnowledgeBase* kb = s.kb(true, Session::Reads::graph);
  if (!kb) return ExitCode::failure;
  auto id = resolve_any_one(s, *kb, o.ref);
  if (!id) return ExitCode::failure;
  const Record& m = kb->at(*id);
  if (m.type != RecordType::meeting || m.path.empty()) {
    s.error(fmt::format("'{}' is not a meeting; actions are added to meeting notes", m.name));
    return ExitCode::failure;
  }
  if (!o.owner.empty()) {
    std::vector<GivenName> owner;
    if (!resolve_for_write(s, *kb, {o.owner}, RecordType::person, false, owner, true) || owner.empty())
      return ExitCode::failure;
    item += " [[" + owner.front().written + "]]";
  }
  if (!o.date.empty()) {
    auto due = s.date_arg("--due", o.date);
    if (!due) return ExitCode::usage;
    item += " \xF0\x9F\x93\x85 " + to_string(*due);  // 📅
  }
  const std::string path = m.path.str();
  RealFileSystem fs(s.root());
  auto note = read_note_to_edit(s, fs, path);
  if (!note) return ExitCode::failure;
  int line = 0;
  const std::string next = add_task(note->text, item, line);
  if (!write_front_edit(s, fs, path, note->text, next)) return ExitCode::failure;
  s.out << path << ':' << line << ": - [ ] " << item << '\n';
  return ExitCode::ok;
}

CLI::App* verb(CLI::App& actions, Invocation& inv, const char* name, const char* help, TaskChange::Op op,
               std::shared_ptr<EditOptions>& o) {
  o = std::make_shared<EditOptions>();
  o->op = op;
  CLI::App* sub = actions.add_subcommand(name, help);
  sub->add_option("ref", o->ref, "The action: ID:LINE (as 'kb actions --format ids' prints), or words of one action, "
                                 "or the meeting's id or title")
      ->required();
  sub->callback([o, &inv] { inv.run = [o](Session& s) { return run_edit(s, *o); }; });
  return sub;
}

}  // namespace

void add_actions_edit_commands(CLI::App& actions, Invocation& inv) {
  std::shared_ptr<EditOptions> o;
  CLI::App* done = verb(actions, inv, "done", "Mark an action done in place (stamps ✅ and the date)", TaskChange::Op::done, o);
  done->add_option("line", o->which, "With a meeting as REF: the action's line, or words that match one of its actions");
  done->add_option("--today", o->date, "The DATE to stamp (default: today)");
  CLI::App* cancel = verb(actions, inv, "cancel", "Mark an action cancelled in place ([-], ❌ and the date)",
                          TaskChange::Op::cancel, o);
  cancel->add_option("line", o->which, "With a meeting as REF: the action's line or words");
  cancel->add_option("--today", o->date, "The DATE to stamp (default: today)");
  CLI::App* reopen = verb(actions, inv, "reopen", "Open a done or cancelled action again", TaskChange::Op::reopen, o);
  reopen->add_option("line", o->which, "With a meeting as REF: the action's line or words");
  CLI::App* due = verb(actions, inv, "due", "Give an action a new due date (📅)", TaskChange::Op::due, o);
  due->add_option("date", o->date, "The DATE (2024-09-20, next friday, +2w)")->required();
  CLI::App* reassign = verb(actions, inv, "reassign", "Give an action another owner (its [[link]] to a person)",
                            TaskChange::Op::owner, o);
  reassign->add_option("--owner", o->owner, "The new owner (a person's name or alias)")->required();

  auto a = std::make_shared<EditOptions>();
  CLI::App* add = actions.add_subcommand("add", "Add an open action to a meeting's Actions section");
  add->add_option("meeting", a->ref, "The meeting: its id or title")->required();
  add->add_option("text", a->text, "What is to be done")->required();
  add->add_option("--owner", a->owner, "Who owns it (a person; written as a [[link]])");
  add->add_option("--due", a->date, "When it is due (written 📅 DATE)");
  add->callback([a, &inv] { inv.run = [a](Session& s) { return run_add_action(s, *a); }; });
}

}  // namespace kb::cli
