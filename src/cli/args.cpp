#include "args.h"

#include "kb/model/names.h"
#include "kb/query/week.h"

namespace kb::cli {

void print_resolution(Session& s, const DiagSink& diags) {
  for (const auto& d : diags.all()) s.error(d.message);
}

std::optional<NodeId> resolve_one(Session& s, const KnowledgeBase& kb, const std::string& name, RecordType type) {
  DiagSink diags;
  auto id = resolve_name(kb, name, type, diags);
  print_resolution(s, diags);
  return id;
}

std::optional<std::vector<NodeId>> resolve_all(Session& s, const KnowledgeBase& kb,
                                               const std::vector<std::string>& names, RecordType type) {
  std::vector<NodeId> out;
  bool ok = true;
  for (const auto& n : names) {
    auto id = resolve_one(s, kb, n, type);
    if (id) out.push_back(*id);
    else ok = false;
  }
  if (!ok) return std::nullopt;
  return out;
}

bool week_arg(Session& s, const std::string& text, std::optional<Date>& since, std::optional<Date>& until) {
  if (text.empty()) return true;
  auto w = parse_iso_week(text);
  if (!w) {
    s.error("invalid week '" + text + "' (expected YYYY-Www, e.g. 2024-W36)");
    return false;
  }
  DateRange r = week_range(*w);
  if (!since || *since < r.first) since = r.first;
  if (!until || r.last < *until) until = r.last;
  return true;
}

}  // namespace kb::cli
