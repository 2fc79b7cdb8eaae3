#pragma once
// Name resolution for commands: a name or id the user typed -> one node, with "did you mean"
// for names that match nothing and the candidates for names that match several.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kb/base/diag.h"
#include "kb/model/graph.h"

namespace kb {

/// Resolves `name` against names and aliases of `want` records (NFKC, case folded,
/// diacritics and honorifics dropped). Returns the node, or reports "unknown ..." (with a
/// suggestion where one is close) or "ambiguous ..." (listing the ids) and returns std::nullopt.
std::optional<NodeId> resolve_name(const KnowledgeBase& kb, std::string_view name, RecordType want,
                                   DiagSink& diags, const SourceLoc& loc = {});

/// The person `name` means: kb.yaml's `me:` for `me` (any case, spaces around), else `name`.
std::string person_meant(const KnowledgeBase& kb, const std::string& name);

/// `Zhang Wei (World Bank)` split into the name and the organization (both trimmed, neither
/// empty); std::nullopt for text of another form.
std::optional<std::pair<std::string_view, std::string_view>> split_name_org(std::string_view text);

/// `Zhang Wei (World Bank)`: the one defined person named `Zhang Wei` (name or alias) with an
/// affiliation to an organization named `World Bank` (its name or an alias), for two people
/// who share a name. std::nullopt when `text` is not of that form or not exactly one matches.
std::optional<NodeId> pick_by_org(const KnowledgeBase& kb, std::string_view text);

/// Like resolve_name over every type: a record id ("people/francesc-pedro") first, then
/// people, organizations, topics, events and meeting titles, then a note's file name or the end
/// of its path as a [[link]] from the KB's root names it ("note-a", "b/c"). Used by `kb show`.
std::optional<NodeId> resolve_any(const KnowledgeBase& kb, std::string_view name_or_id,
                                  DiagSink& diags);

/// After resolve_any() chose `chosen` for `name`: when the name also names a defined record of
/// another type, reports a warning (no location) saying which was chosen and how to pick the
/// other. Example: "'Ada' is also an organization (orgs/ada.md); this is the person
/// (people/ada.md): give 'orgs/ada' to pick the organization".
void report_other_types(const KnowledgeBase& kb, std::string_view name, NodeId chosen, DiagSink& diags);

/// Two defined records (person, organization, topic or event) of different types that share a
/// name or alias: `picked` is the one a name given on the command line picks (resolve_any's
/// order), `other` the one it does not.
struct NameAcrossTypes {
  NodeId picked;
  NodeId other;
};
/// Every such pair, once, in record order.
std::vector<NameAcrossTypes> find_names_across_types(const KnowledgeBase& kb);
/// The `kb check` warning for one pair, with both paths, at the `name:` of `other` when its
/// front matter is loaded (else at its first line).
void report_name_across_types(const KnowledgeBase& kb, const NameAcrossTypes& n, DiagSink& diags);

/// Up to three known names (or aliases) of `type` closest to `name`, closest first.
std::vector<std::string> suggest_names(const KnowledgeBase& kb, std::string_view name,
                                       std::optional<RecordType> type);

/// "organization" -> "organization"; used in messages ("unknown organization 'X'").
std::string type_noun(RecordType t);

}  // namespace kb
