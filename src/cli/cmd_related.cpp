// kb related: the people, organizations and topics most tied to one record.
#include <memory>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "args.h"
#include "commands.h"
#include "kb/base/text.h"
#include "kb/model/names.h"
#include "kb/query/related.h"
#include "kb/render/relations.h"
#include "session.h"

namespace kb::cli {
namespace {

struct RelatedOptions {
  std::string name;
  std::string limit = "10";
  bool with_home = false;
};

ExitCode run_related(Session& s, const RelatedOptions& o) {
  auto fmt = s.format(OutputFormat::table, {OutputFormat::table, OutputFormat::json, OutputFormat::jsonl,
                                            OutputFormat::csv, OutputFormat::md, OutputFormat::ids});
  if (!fmt) return ExitCode::usage;
  auto limit = count_arg(s, "--limit", o.limit, 1);
  if (!limit) return ExitCode::usage;
  const KnowledgeBase* kb = s.kb(true, Session::Reads::outline);
  if (!kb) return ExitCode::failure;
  auto id = resolve_any_one(s, *kb, o.name);
  if (!id) return ExitCode::failure;
  Related r = find_related(*kb, *id, *limit, o.with_home);
  render_related(s.out, *kb, r, s.render_options(*fmt));
  if (r.people.empty() && r.organizations.empty() && r.topics.empty())
    s.note(fmt::format("'{}' shares no meetings with anyone yet", terminal_safe(kb->at(*id).name)));
  return ExitCode::ok;
}

}  // namespace

void add_related_command(CLI::App& app, Invocation& inv) {
  auto o = std::make_shared<RelatedOptions>();
  CLI::App* sub = app.add_subcommand("related", "The people, organizations and topics most tied to NAME (by meetings shared)");
  sub->add_option("name", o->name, "A name, alias or record id")->required();
  sub->add_option("--limit", o->limit, "At most N of each kind (default 10)")->type_name("N");
  sub->add_flag("--with-home", o->with_home, "Keep kb.yaml's home organization, its people and me");
  sub->callback([o, &inv] { inv.run = [o](Session& s) { return run_related(s, *o); }; });
}

}  // namespace kb::cli
