#include "kb/model/names.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <set>
#include <tuple>

#include <fmt/format.h>

#include "kb/base/text.h"

namespace kb {
namespace {

std::string quote_list(const KnowledgeBase& kb, const std::vector<NodeId>& ids) {
  std::string out;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const Record& r = kb.at(ids[i]);
    if (i > 0) out += i + 1 == ids.size() ? " and " : ", ";
    out += fmt::format("'{}' ({})", r.name, r.rid.empty() ? "no record" : r.rid);
  }
  return out;
}

void report_unknown(const KnowledgeBase& kb, std::string_view name, std::optional<RecordType> type,
                    DiagSink& diags, const SourceLoc& loc) {
  std::string msg = fmt::format("unknown {} '{}'", type ? type_noun(*type) : std::string("name"), name);
  auto hints = suggest_names(kb, name, type);
  if (!hints.empty()) msg += fmt::format(" (did you mean '{}'?)", hints.front());
  else if (!type) msg += " (try 'kb list people', 'kb list orgs' or 'kb list topics')";
  diags.error(loc, msg);
}

// resolve_any's order: a name given on the command line picks the first type that has it.
constexpr RecordType kPickOrder[] = {RecordType::person, RecordType::organization, RecordType::topic,
                                     RecordType::event, RecordType::meeting};

int pick_rank(RecordType t) {
  for (int i = 0; i < static_cast<int>(std::size(kPickOrder)); ++i)
    if (kPickOrder[i] == t) return i;
  return static_cast<int>(std::size(kPickOrder));
}

// "a person", "an organization".
std::string with_article(RecordType t) {
  std::string noun = type_noun(t);
  return fmt::format("{} {}", noun.front() == 'o' || noun.front() == 'e' ? "an" : "a", noun);
}

}  // namespace

void report_other_types(const KnowledgeBase& kb, std::string_view name, NodeId chosen, DiagSink& diags) {
  const Record& picked = kb.at(chosen);
  for (RecordType t : kPickOrder) {
    if (t == picked.type) continue;
    for (NodeId id : kb.find_by_name(name, t)) {
      const Record& other = kb.at(id);
      if (!other.defined) continue;
      diags.warning(
          {}, fmt::format("'{}' is also {} ({}); this is the {} ({}): give '{}' to pick the {}", name, with_article(t),
                          other.path.str(), type_noun(picked.type), picked.path.str(), other.rid, type_noun(t)));
    }
  }
}

std::vector<NameAcrossTypes> find_names_across_types(const KnowledgeBase& kb) {
  std::map<std::string, std::vector<NodeId>> by_key;
  for (const auto& r : kb.records()) {
    if (!r.defined || pick_rank(r.type) > pick_rank(RecordType::event)) continue;
    for (auto& key : KnowledgeBase::name_keys(r)) by_key[std::move(key)].push_back(r.id);
  }
  std::set<std::pair<NodeId, NodeId>> pairs;  // (picked, other): once, whichever names they share
  for (const auto& [key, ids] : by_key) {
    const NodeId picked = *std::min_element(ids.begin(), ids.end(), [&](NodeId a, NodeId b) {
      return pick_rank(kb.at(a).type) < pick_rank(kb.at(b).type);
    });
    for (NodeId id : ids)
      if (kb.at(id).type != kb.at(picked).type) pairs.emplace(picked, id);
  }
  std::vector<NameAcrossTypes> out;
  for (const auto& [picked, other] : pairs) out.push_back({picked, other});
  return out;
}

void report_name_across_types(const KnowledgeBase& kb, const NameAcrossTypes& n, DiagSink& diags) {
  const Record& p = kb.at(n.picked);
  const Record& other = kb.at(n.other);
  const Value* v = other.text.present() ? other.text->fields.find_property("name") : nullptr;
  SourceLoc loc = v ? v->loc : SourceLoc{other.path, 1, 1};
  diags.warning(loc, fmt::format("{} '{}' shares a name with {} ({}); a name on the command line picks the {} "
                                 "(give '{}' for this one)",
                                 type_noun(other.type), other.name, with_article(p.type), p.path.str(),
                                 type_noun(p.type), other.rid));
}

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

namespace {

// Whether the affiliation `a` is to the organization written `org` (with name key `key`).
bool affiliated_to(const KnowledgeBase& kb, const Affiliation& a, const std::string& key,
                   const std::vector<NodeId>& orgs) {
  if (name_key(a.org.text.view()) == key) return true;
  for (NodeId o : kb.find_by_name(a.org.text.view(), RecordType::organization))
    if (std::find(orgs.begin(), orgs.end(), o) != orgs.end()) return true;
  return false;
}

}  // namespace

std::optional<std::pair<std::string_view, std::string_view>> split_name_org(std::string_view text) {
  text = trim(text);
  const std::size_t open = text.rfind(" (");
  if (open == std::string_view::npos || open == 0 || text.back() != ')') return std::nullopt;
  const std::string_view name = trim(text.substr(0, open));
  const std::string_view org = trim(text.substr(open + 2, text.size() - open - 3));
  if (name.empty() || org.empty()) return std::nullopt;
  return std::pair{name, org};
}

std::optional<NodeId> pick_by_org(const KnowledgeBase& kb, std::string_view text) {
  const auto split = split_name_org(text);
  if (!split) return std::nullopt;
  const auto [person, org] = *split;
  const std::string key = name_key(org);
  const std::vector<NodeId> orgs = kb.find_by_name(org, RecordType::organization);
  std::optional<NodeId> found;
  for (NodeId id : kb.find_by_name(person, RecordType::person)) {
    const Record& p = kb.at(id);
    if (!p.defined || !p.entity.present()) continue;
    const auto& affs = p.entity->affiliations;
    if (std::none_of(affs.begin(), affs.end(), [&](const Affiliation& a) { return affiliated_to(kb, a, key, orgs); }))
      continue;
    if (found) return std::nullopt;
    found = id;
  }
  return found;
}

std::string person_meant(const KnowledgeBase& kb, const std::string& name) {
  return !kb.config.me.empty() && to_lower_ascii(trim(name)) == "me" ? kb.config.me : name;
}

std::optional<NodeId> resolve_name(const KnowledgeBase& kb, std::string_view name, RecordType want,
                                   DiagSink& diags, const SourceLoc& loc) {
  if (want == RecordType::person)
    if (auto picked = pick_by_org(kb, name)) return picked;
  auto ids = kb.find_by_name(name, want);
  if (ids.size() > 1) {
    // Prefer defined records over unresolved name nodes.
    std::vector<NodeId> defined;
    for (NodeId id : ids)
      if (kb.at(id).defined) defined.push_back(id);
    if (defined.size() == 1) return defined.front();
    diags.error(loc, fmt::format("ambiguous {} '{}': matches {}{}", type_noun(want), name,
                                 quote_list(kb, defined.empty() ? ids : defined),
                                 want == RecordType::person ? " (give 'NAME (ORGANIZATION)' or the record id)"
                                                            : " (use the record id instead)"));
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
  for (RecordType t : kPickOrder) {
    auto ids = kb.find_by_name(text, t);
    if (ids.empty()) continue;
    auto id = resolve_name(kb, text, t, diags);
    if (id) report_other_types(kb, text, *id, diags);
    return id;
  }
  // A note's file name or the end of its path, as a [[link]] from the KB's root finds it.
  if (const Record* r = kb.lookup_file(text, "")) return r->id;
  report_unknown(kb, text, std::nullopt, diags, {});
  return std::nullopt;
}

}  // namespace kb
