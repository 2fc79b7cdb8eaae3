// kb merge DUPLICATE INTO: two records of one person (organization, topic, event) become one
// (edit/merge.h), written all or nothing; --dry-run prints the diff instead.
#include <memory>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "args.h"
#include "commands.h"
#include "kb/edit/merge.h"
#include "kb/model/names.h"
#include "kb/store/real_fs.h"
#include "session.h"
#include "writing.h"

namespace kb::cli {
namespace {

struct MergeOptions {
  std::string duplicate;
  std::string into;
  bool dry_run = false;
};

// A defined person, organization, topic or event that NAME gives; else nullopt after an error.
std::string a_noun(RecordType t) {
  const std::string noun = type_noun(t);
  return fmt::format("{} {}", std::string("aeiou").find(noun[0]) != std::string::npos ? "an" : "a", noun);
}

std::optional<NodeId> record_to_merge(Session& s, const KnowledgeBase& kb, const std::string& name) {
  auto id = resolve_any_one(s, kb, name);
  if (!id) return std::nullopt;
  const Record& r = kb.at(*id);
  if (!r.defined || r.path.empty()) {
    s.error(fmt::format("'{}' is a name no record defines; there is no note to merge", name));
    return std::nullopt;
  }
  if (r.type == RecordType::meeting || r.type == RecordType::note) {
    s.error(fmt::format("'{}' is {}; kb merges people, organizations, topics and events", r.name, a_noun(r.type)));
    return std::nullopt;
  }
  return id;
}

void report(Session& s, const Record& dup, const Record& into, const MergePlan& plan, const ChangeResult& done) {
  for (const NoteChange& n : plan.change.notes)
    if (n.names > 0) s.out << n.path << ": " << n.names << (n.names == 1 ? " name" : " names") << " now '" << into.name << "'\n";
  for (const std::string& m : plan.moved) s.out << into.path.str() << ": " << m << " from '" << dup.name << "'\n";
  for (const std::string& c : plan.conflicts)
    s.warning(fmt::format("{}: both give {}; kept under '## Merged from {}'", into.path.str(), c, dup.name));
  if (done.last_step_failed.empty()) s.out << "deleted " << dup.path.str() << "\n";
  else s.warning(done.last_step_failed);
  s.out << "'" << dup.name << "' is merged into '" << into.name << "' (" << into.path.str() << ")\n";
}

ExitCode run_merge(Session& s, const MergeOptions& o) {
  const KnowledgeBase* kb = s.kb(true, Session::Reads::text);
  if (!kb) return ExitCode::failure;
  auto dup = record_to_merge(s, *kb, o.duplicate);
  auto into = dup ? record_to_merge(s, *kb, o.into) : std::nullopt;
  if (!dup || !into) return ExitCode::failure;
  const Record& d = kb->at(*dup);
  const Record& i = kb->at(*into);
  if (*dup == *into) {
    s.error(fmt::format("'{}' and '{}' are one record already ({})", o.duplicate, o.into, d.path.str()));
    return ExitCode::failure;
  }
  if (d.type != i.type) {
    s.error(fmt::format("'{}' is {} and '{}' {}; kb merges two records of one type", d.name, a_noun(d.type), i.name,
                        a_noun(i.type)));
    return ExitCode::failure;
  }
  RealFileSystem fs(s.root());
  MergePlan plan = plan_merge(*kb, fs, *dup, *into);
  if (o.dry_run)
    for (const std::string& c : plan.conflicts) s.warning(fmt::format("both give {}", c));
  return carry_out(s, fs, plan.change, plan.problems, o.dry_run, "merged",
                   [&](const ChangeResult& done) { report(s, d, i, plan, done); });
}

}  // namespace

void add_merge_command(CLI::App& app, Invocation& inv) {
  auto o = std::make_shared<MergeOptions>();
  CLI::App* cmd = app.add_subcommand(
      "merge", "Make two records of one person (org, topic, event) one");
  cmd->footer("DUPLICATE's names become INTO's aliases, its affiliations and fields move\n"
              "there, every note that names it names INTO, and its note is deleted; what\n"
              "cannot move is kept in INTO's body.");
  cmd->add_option("duplicate", o->duplicate, "The record to merge away: a name, alias or record id")->required();
  cmd->add_option("into", o->into, "The record to keep")->required();
  cmd->add_flag("-n,--dry-run", o->dry_run, "Print the changes as a diff; write nothing");
  cmd->callback([o, &inv] { inv.run = [o](Session& s) { return run_merge(s, *o); }; });
}

}  // namespace kb::cli
