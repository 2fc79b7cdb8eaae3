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
  std::vector<std::string> orgs, people, topics, tags, text, where, has;
  std::string event, since, until, week, sort = "date";
  std::size_t limit = 0;
  bool explain = false;
  bool exact_org = false;
};

ExitCode run_query(Session& s, const QueryOptions& o) {
  auto fmt = s.format(OutputFormat::table, {OutputFormat::table, OutputFormat::json, OutputFormat::jsonl,
                                            OutputFormat::csv, OutputFormat::md, OutputFormat::ids});
  if (!fmt) return ExitCode::usage;
  MeetingFilter f;
  if (!o.since.empty() && !(f.since = s.date_arg("--since", o.since))) return ExitCode::usage;
  if (!o.until.empty() && !(f.until = s.date_arg("--until", o.until))) return ExitCode::usage;
  if (!week_arg(s, o.week, f.since, f.until)) return ExitCode::usage;
  for (const auto& w : o.where) {
    auto eq = w.find('=');
    if (eq == std::string::npos || eq == 0) {
      s.error("invalid --where '" + w + "' (expected KEY=VALUE)");
      return ExitCode::usage;
    }
    f.where.emplace_back(w.substr(0, eq), w.substr(eq + 1));
  }
  f.has = o.has;
  f.tags = o.tags;
  f.text = parse_text_query(o.text);
  f.newest_first = o.sort == "-date";
  f.limit = o.limit;
  f.exact_org = o.exact_org;
  const KnowledgeBase* kb = s.kb();
  if (!kb) return ExitCode::failure;
  auto orgs = resolve_all(s, *kb, o.orgs, RecordType::organization);
  auto people = resolve_all(s, *kb, o.people, RecordType::person);
  auto topics = resolve_all(s, *kb, o.topics, RecordType::topic);
  if (!orgs || !people || !topics) return ExitCode::failure;
  f.orgs = *orgs;
  f.people = *people;
  f.topics = *topics;
  if (!o.event.empty()) {
    auto ev = resolve_one(s, *kb, o.event, RecordType::event);
    if (!ev) return ExitCode::failure;
    f.event = ev;
  }
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
  sub->add_option("--org", o->orgs, "An organization (name or alias); also its sub-organizations and people affiliated on the date");
  sub->add_flag("--exact-org", o->exact_org, "--org matches only meetings that list the organization itself");
  sub->add_option("--person", o->people, "A person who attended");
  sub->add_option("--topic", o->topics, "A topic discussed (and its sub-topics)");
  sub->add_option("--tag", o->tags, "A tag");
  sub->add_option("--event", o->event, "The event the meeting was part of");
  sub->add_option("--since", o->since, "On or after this date (YYYY-MM-DD)");
  sub->add_option("--until", o->until, "On or before this date (YYYY-MM-DD)");
  sub->add_option("--week", o->week, "In this ISO week (YYYY-Www, e.g. 2024-W36)");
  sub->add_option("--text", o->text, "Words in the note: all must appear; \"a phrase\", OR, -word")->expected(1, -1);
  sub->add_option("--where", o->where, "A front-matter KEY=VALUE (lists match any element)");
  sub->add_option("--has", o->has, "A front-matter KEY that is present and not empty");
  sub->add_option("--sort", o->sort, "date (oldest first) or -date (newest first)")->check(CLI::IsMember({"date", "-date"}));
  sub->add_option("--limit", o->limit, "At most N meetings");
  sub->add_flag("--explain", o->explain, "Say why each meeting matched");
  sub->callback([o, &inv] { inv.run = [o](Session& s) { return run_query(s, *o); }; });
}

}  // namespace kb::cli
