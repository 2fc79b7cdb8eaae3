#pragma once
// Helpers that turn command-line strings into domain values (names -> nodes, dates, weeks),
// printing what is wrong. Private to src/cli.

#include <optional>
#include <string>
#include <vector>

#include "kb/model/graph.h"
#include "kb/query/meetings.h"
#include "session.h"

namespace CLI {
class App;
}

namespace kb::cli {

/// The meeting filters `kb query` and `kb graph` share, as written on the command line.
struct MeetingFilterArgs {
  std::vector<std::string> orgs, people, topics, tags, text, where, has;
  std::string event, since, until, week;
  bool exact_org = false;
  bool any() const;
};

/// Adds --org, --exact-org, --person, --topic, --tag, --event, --since, --until, --week,
/// --text, --where and --has to `sub`.
void add_meeting_filter_options(CLI::App* sub, MeetingFilterArgs& a);

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

/// `--week YYYY-Www` -> a date range; a malformed week prints a usage error.
bool week_arg(Session& s, const std::string& text, std::optional<Date>& since, std::optional<Date>& until);

/// Prints resolution diagnostics as "kb: error: ...".
void print_resolution(Session& s, const DiagSink& diags);

}  // namespace kb::cli
