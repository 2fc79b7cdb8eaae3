// kb path: the shortest chain of meetings and people between two people or organizations.
#include <memory>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "args.h"
#include "commands.h"
#include "kb/model/names.h"
#include "kb/query/home_side.h"
#include "kb/query/path.h"
#include "kb/render/relations.h"
#include "session.h"

namespace kb::cli {
namespace {

struct PathOptions {
  std::string from, to;
  bool via_home = false;
};

std::optional<NodeId> end_point(Session& s, const KnowledgeBase& kb, const std::string& name) {
  auto id = resolve_any_one(s, kb, name);
  if (!id) return std::nullopt;
  RecordType t = kb.at(*id).type;
  if (t != RecordType::person && t != RecordType::organization) {
    s.error(fmt::format("'{}' is a {}; kb path links people and organizations", name, to_string(t)));
    return std::nullopt;
  }
  return id;
}

ExitCode run_path(Session& s, const PathOptions& o) {
  auto fmt = s.format(OutputFormat::table, {OutputFormat::table, OutputFormat::json, OutputFormat::jsonl,
                                            OutputFormat::csv, OutputFormat::md, OutputFormat::ids});
  if (!fmt) return ExitCode::usage;
  const KnowledgeBase* kb = s.kb(true, Session::Reads::outline);
  if (!kb) return ExitCode::failure;
  auto a = end_point(s, *kb, o.from);
  auto b = end_point(s, *kb, o.to);
  if (!a || !b) return ExitCode::failure;
  auto steps = find_path(*kb, *a, *b, o.via_home);
  if (!steps) {
    render_path(s.out, *kb, {}, s.render_options(*fmt));
    s.note(fmt::format(
        "no chain of meetings and people links '{}' and '{}'{}", kb->at(*a).name, kb->at(*b).name,
        o.via_home || HomeSide(*kb).empty() ? "" : " outside the home side (--via-home passes through it)"));
    return ExitCode::ok;
  }
  render_path(s.out, *kb, *steps, s.render_options(*fmt));
  return ExitCode::ok;
}

}  // namespace

void add_path_command(CLI::App& app, Invocation& inv) {
  auto o = std::make_shared<PathOptions>();
  CLI::App* sub = app.add_subcommand("path", "The shortest chain of meetings and people that links A to B");
  sub->add_option("a", o->from, "A person or organization (name, alias or record id)")->required();
  sub->add_option("b", o->to, "A person or organization (name, alias or record id)")->required();
  sub->add_flag("--via-home", o->via_home, "Pass through kb.yaml's home organization, its people and me");
  sub->callback([o, &inv] { inv.run = [o](Session& s) { return run_path(s, *o); }; });
}

}  // namespace kb::cli
