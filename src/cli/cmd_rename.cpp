// kb rename NAME NEW-NAME: a record's new name, in its note and in every note that names it
// (edit/rename.h), written all or nothing; --dry-run prints the diff instead.
#include <memory>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "args.h"
#include "commands.h"
#include "kb/base/text.h"
#include "kb/edit/rename.h"
#include "kb/model/names.h"
#include "kb/store/real_fs.h"
#include "session.h"
#include "writing.h"

namespace kb::cli {
namespace {

struct RenameOptions {
  std::string name;
  std::string new_name;
  bool no_alias = false;
  bool dry_run = false;
};

// The record NAME names, when it can be renamed to `new_name`; else nullopt after an error.
std::optional<NodeId> record_to_rename(Session& s, const KnowledgeBase& kb, const RenameOptions& o,
                                       const std::string& new_name) {
  auto id = resolve_any_one(s, kb, o.name);
  if (!id) return std::nullopt;
  const Record& r = kb.at(*id);
  if (!r.defined || r.path.empty()) {
    s.error(fmt::format("'{}' is a name no record defines; there is no note to rename", o.name));
    return std::nullopt;
  }
  if (r.name == new_name) {
    s.error(fmt::format("'{}' is called that already", r.name));
    return std::nullopt;
  }
  for (NodeId other : kb.find_by_name(new_name, r.type)) {
    const Record& taken = kb.at(other);
    if (other == *id || !taken.defined) continue;
    s.error(fmt::format("'{}' already names another {}: '{}' ({}); to make them one, use 'kb merge'", new_name,
                        type_noun(r.type), taken.name, taken.path.str()));
    return std::nullopt;
  }
  return id;
}

// Says what changed and where: one line a note, then the summary.
void report(Session& s, const Record& r, const std::string& new_name, const RenamePlan& plan,
            const ChangeResult& done) {
  s.out << r.path.str() << ": '" << r.name << "' is now '" << new_name << "'\n";
  for (const NoteChange& n : plan.change.notes)
    if (n.names > 0) s.out << n.path << ": " << n.names << (n.names == 1 ? " name" : " names") << " renamed\n";
  if (plan.change.move && done.last_step_failed.empty())
    s.out << "renamed " << plan.change.move->from << " to " << plan.change.move->to << "\n";
  if (!done.last_step_failed.empty()) s.warning(done.last_step_failed);
  if (plan.by_alias > 0)
    s.note(fmt::format("{} {} left as written (they still name it)", plan.by_alias,
                       plan.by_alias == 1 ? "use of an alias was" : "uses of its aliases were"));
}

ExitCode run_rename(Session& s, const RenameOptions& o) {
  if (!one_line(s, "the new name", o.new_name)) return ExitCode::usage;
  const std::string new_name(trim(o.new_name));
  if (new_name.empty()) {
    s.error("the new name is empty");
    return ExitCode::usage;
  }
  const KnowledgeBase* kb = s.kb(true, Session::Reads::text);
  if (!kb) return ExitCode::failure;
  auto id = record_to_rename(s, *kb, o, new_name);
  if (!id) return ExitCode::failure;
  const Record& r = kb->at(*id);
  RealFileSystem fs(s.root());
  RenamePlan plan = plan_rename(*kb, fs, *id, new_name, {!o.no_alias});
  return carry_out(s, fs, plan.change, plan.problems, o.dry_run, "renamed",
                   [&](const ChangeResult& done) { report(s, r, new_name, plan, done); });
}

}  // namespace

void add_rename_command(CLI::App& app, Invocation& inv) {
  auto o = std::make_shared<RenameOptions>();
  CLI::App* cmd = app.add_subcommand(
      "rename", "Give a record a new name, in every note that names it");
  cmd->footer("The old name stays an alias (not with --no-alias); the file follows when\n"
              "it is named by kb's rule. Every note is edited or none is.");
  cmd->add_option("name", o->name, "The record: a name, alias or record id")->required();
  cmd->add_option("new-name", o->new_name, "Its new name")->required();
  cmd->add_flag("--no-alias", o->no_alias, "Do not keep the old name as an alias");
  cmd->add_flag("-n,--dry-run", o->dry_run, "Print the changes as a diff; write nothing");
  cmd->callback([o, &inv] { inv.run = [o](Session& s) { return run_rename(s, *o); }; });
}

}  // namespace kb::cli
