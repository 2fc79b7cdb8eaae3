#pragma once
// Helpers that turn command-line strings into domain values (names -> nodes, dates, weeks),
// printing what is wrong. Private to src/cli.

#include <optional>
#include <string>
#include <vector>

#include "kb/model/graph.h"
#include "session.h"

namespace kb::cli {

/// Resolves every name to a node of `type`. On an unknown or ambiguous name prints the error
/// and returns std::nullopt (exit 1).
std::optional<std::vector<NodeId>> resolve_all(Session& s, const KnowledgeBase& kb,
                                               const std::vector<std::string>& names, RecordType type);
std::optional<NodeId> resolve_one(Session& s, const KnowledgeBase& kb, const std::string& name, RecordType type);

/// `--week YYYY-Www` -> a date range; a malformed week prints a usage error.
bool week_arg(Session& s, const std::string& text, std::optional<Date>& since, std::optional<Date>& until);

/// Prints resolution diagnostics as "kb: error: ...".
void print_resolution(Session& s, const DiagSink& diags);

}  // namespace kb::cli
