#include "kb/model/names.h"

#include <algorithm>
#include <tuple>

#include "kb/base/text.h"

namespace kb {
namespace {

std::string quote_list(const KnowledgeBase& kb, const std::vector<NodeId>& ids) {
  std::string out;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const Record& r = kb.at(ids[i]);
    if (i > 0) out += i + 1 == ids.size() ? " and " : ", ";
    out += "'" + r.name + "' (" + (r.rid.empty() ? "no record" : r.rid) + ")";
  }
  return out;
}

void report_unknown(const KnowledgeBase& kb, std::string_view name, std::optional<RecordType> type,
                    DiagSink& diags, const SourceLoc& loc) {
  std::string msg = "unknown " + (type ? type_noun(*type) : std::string("name")) + " '" +
                    std::string(name) + "'";
  auto hints = suggest_names(kb, name, type);
  if (!hints.empty()) msg += " (did you mean '" + hints.front() + "'?)";
  else if (!type) msg += " (try 'kb list people', 'kb list orgs' or 'kb list topics')";
  diags.error(loc, msg);
}

}  // namespace

std::string type_noun(RecordType t) { return std::string(to_string(t)); }

std::vector<std::string> suggest_names(const KnowledgeBase& kb, std::string_view name,
                                       std::optional<RecordType> type) {
  std::string key = name_key(name);
  std::vector<std::tuple<std::size_t, std::string, std::string>> scored;  // distance, key, shown
  const std::size_t cap = std::max<std::size_t>(2, key.size() / 3);
  for (const auto& r : kb.records()) {
    if (type ? r.type != *type : (r.type == RecordType::note)) continue;
    auto consider = [&](const std::string& candidate) {
      std::string ck = name_key(candidate);
      std::size_t d = edit_distance(key, ck, cap);
      // A typed word that starts a longer name ("pedro" for "Francesc Pedro") is a hint too.
      if (d > cap && key.size() >= 3 && ck.find(key) != std::string::npos) d = cap;
      if (d <= cap) scored.emplace_back(d, ck, candidate);
    };
    consider(r.name);
    for (const auto& a : r.aliases) consider(a);
  }
  std::sort(scored.begin(), scored.end());
  std::vector<std::string> out;
  for (const auto& [d, k, shown] : scored) {
    if (std::find(out.begin(), out.end(), shown) != out.end()) continue;
    out.push_back(shown);
    if (out.size() == 3) break;
  }
  return out;
}

std::optional<NodeId> resolve_name(const KnowledgeBase& kb, std::string_view name, RecordType want,
                                   DiagSink& diags, const SourceLoc& loc) {
  auto ids = kb.find_by_name(name, want);
  if (ids.size() > 1) {
    // Prefer defined records over unresolved name nodes.
    std::vector<NodeId> defined;
    for (NodeId id : ids)
      if (kb.at(id).defined) defined.push_back(id);
    if (defined.size() == 1) return defined.front();
    diags.error(loc, "ambiguous " + type_noun(want) + " '" + std::string(name) + "': matches " +
                         quote_list(kb, defined.empty() ? ids : defined) +
                         " (use the record id instead)");
    return std::nullopt;
  }
  if (ids.size() == 1) return ids.front();
  if (const Record* r = kb.lookup_rid(name); r && r->type == want) return r->id;
  report_unknown(kb, name, want, diags, loc);
  return std::nullopt;
}

std::optional<NodeId> resolve_any(const KnowledgeBase& kb, std::string_view text, DiagSink& diags) {
  std::string_view rid = text;
  if (rid.size() > 3 && rid.substr(rid.size() - 3) == ".md") rid.remove_suffix(3);
  if (const Record* r = kb.lookup_rid(rid)) return r->id;
  for (RecordType t : {RecordType::person, RecordType::organization, RecordType::topic,
                       RecordType::event, RecordType::meeting}) {
    auto ids = kb.find_by_name(text, t);
    if (ids.empty()) continue;
    return resolve_name(kb, text, t, diags);
  }
  report_unknown(kb, text, std::nullopt, diags, {});
  return std::nullopt;
}

}  // namespace kb
