// kb query: meetings that match filters.
#include <memory>

#include <CLI/CLI.hpp>

#include "args.h"
#include "commands.h"
#include "kb/query/meetings.h"
#include "session.h"

namespace kb::cli {
namespace {

struct QueryOptions {
  MeetingFilterArgs filter;
  std::string sort = "date";
  std::string limit;
  bool limit_given = false;
  bool explain = false;
};

ExitCode run_query(Session& s, const QueryOptions& o) {
  auto fmt = s.format(OutputFormat::table, {OutputFormat::table, OutputFormat::json, OutputFormat::jsonl,
                                            OutputFormat::csv, OutputFormat::md, OutputFormat::ids});
  if (!fmt) return ExitCode::usage;
  MeetingFilter f;
  f.newest_first = o.sort == "-date";
  if (o.limit_given) {
    auto n = count_arg(s, "--limit", o.limit, 1);
    if (!n) return ExitCode::usage;
    f.limit = *n;
  }
  f.explain = o.explain;
  const KnowledgeBase* kb = nullptr;
  // Meetings as JSON carry their summaries, decisions and actions; a table or ids do not.
  if (ExitCode rc = meeting_filter(s, o.filter, f, kb, is_json(*fmt) ? Session::Reads::graph : Session::Reads::outline);
      rc != ExitCode::ok)
    return rc;
  auto matches = find_meetings(*kb, f);
  RenderOptions ro = s.render_options(*fmt);
  ro.explain = o.explain;
  render_meetings(s.out, *kb, matches, ro);
  if (matches.empty()) s.note("no meetings match");
  return ExitCode::ok;
}

}  // namespace

void add_query_command(CLI::App& app, Invocation& inv) {
  auto o = std::make_shared<QueryOptions>();
  CLI::App* sub = app.add_subcommand("query", "Meetings that match: kinds of filter AND together, repeats of one OR together");
  add_meeting_filter_options(sub, o->filter);
  sub->add_option("--sort", o->sort, "date (oldest first) or -date (newest first)")->check(CLI::IsMember({"date", "-date"}));
  CLI::Option* limit = sub->add_option("--limit", o->limit, "At most N meetings")->type_name("N");
  sub->add_flag("--explain", o->explain, "Say why each meeting matched");
  sub->callback([o, limit, &inv] {
    o->limit_given = limit->count() > 0;
    inv.run = [o](Session& s) { return run_query(s, *o); };
  });
}

}  // namespace kb::cli
