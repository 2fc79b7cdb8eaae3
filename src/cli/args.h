#pragma once
// Helpers that turn command-line strings into domain values (names -> nodes, dates, weeks),
// printing what is wrong. Private to src/cli.

#include <optional>
#include <string>
#include <vector>

#include "kb/model/graph.h"
#include "kb/query/meetings.h"
#include "kb/query/series.h"
#include "session.h"

namespace CLI {
class App;
}

namespace kb::cli {

/// The meeting filters `kb query` and `kb graph` share, as written on the command line.
struct MeetingFilterArgs {
  std::vector<std::string> orgs, people, topics, tags, text, where, has, series;
  std::string event, since, until, week;
  bool exact_org = false;
  bool any() const;
};

/// Adds --org, --exact-org, --person, --topic, --tag, --event, --since, --until, --week,
/// --text, --where and --has to `sub`.
void add_meeting_filter_options(CLI::App* sub, MeetingFilterArgs& a);
/// `--audience NAME` (reports, exports, graph, serve): what an audience may see (model/visibility.h).
void add_audience_option(CLI::App* sub, std::string& audience);

/// Fills `f` from `a`: dates, weeks and KEY=VALUE first (a malformed one is a usage error),
/// then the names, against the KB, which it loads (an unknown or ambiguous name is a failure).
/// On success `kb` points at the loaded KB, with text when `reads` or the filter asks for it.
ExitCode meeting_filter(Session& s, const MeetingFilterArgs& a, MeetingFilter& f, const KnowledgeBase*& kb,
                        Session::Reads reads = Session::Reads::graph);

/// Resolves every name to a node of `type`. On an unknown or ambiguous name prints the error
/// and returns std::nullopt (exit 1).
std::optional<std::vector<NodeId>> resolve_all(Session& s, const KnowledgeBase& kb,
                                               const std::vector<std::string>& names, RecordType type);
std::optional<NodeId> resolve_one(Session& s, const KnowledgeBase& kb, const std::string& name, RecordType type);
/// As resolve_one, for a record of any type (a name, an alias or a record id).
std::optional<NodeId> resolve_any_one(Session& s, const KnowledgeBase& kb, const std::string& name);

/// The series `name` names (query/series.h). Unknown: prints `unknown series 'X'` with the
/// nearest series names (or those there are) and returns std::nullopt (exit 1).
std::optional<Series> series_arg(Session& s, const KnowledgeBase& kb, const std::string& name);

/// The largest count a numeric option takes (`--limit`): far above any KB, far below overflow.
constexpr std::size_t kMaxCount = 1'000'000'000;

/// A count given on the command line (`--limit N`): decimal digits only, from `min` to
/// kMaxCount. Anything else (empty, a sign, `0x10`, `1e3`, an overflowing number) prints
/// `kb: error: --limit must be a whole number from 1 to 1000000000, not '-1'` and returns
/// std::nullopt (a usage error, exit 2).
std::optional<std::size_t> count_arg(Session& s, const std::string& flag, const std::string& text, std::size_t min);

/// A week as people say it (parse_week_phrase: `2024-W36`, `this week`, `last week`, a date);
/// a malformed one prints a usage error and gives std::nullopt.
std::optional<IsoWeek> week_phrase_arg(Session& s, const std::string& text);
/// `--since` and `--until` as people say them (Session::date_arg); false after a usage error,
/// also when --since falls after --until.
bool since_until_args(Session& s, const std::string& since, const std::string& until, std::optional<Date>& from,
                      std::optional<Date>& to);
/// The --format an output file's extension names (`week.html` -> "html", `g.graphml` ->
/// "graphml"; .md, .markdown, .htm, .json, .jsonl, .csv, .dot, .gv, .mmd, .svg too), or "" for any
/// other name, `-` and none: `-o FILE` without --format writes what its name says.
std::string format_of_file(const std::string& path);

/// `--week` (week_phrase_arg) -> a date range; a malformed week prints a usage error.
bool week_arg(Session& s, const std::string& text, std::optional<Date>& since, std::optional<Date>& until);

/// Prints resolution diagnostics, made terminal_safe: errors as "kb: error: ...", warnings
/// (which of two records a name picked) as "kb: note: ..." unless --quiet.
void print_resolution(Session& s, const DiagSink& diags);

}  // namespace kb::cli
