#pragma once
// Where notes name a record (kb rename, kb merge): every name a note's fields and body links
// use, with its location and what kind of record it must be, as a load reads them; and which
// of those uses name a given record by its name or id (not by an alias).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kb/model/graph.h"

namespace kb {

/// One name a note uses, as the load reads it.
struct NameUse {
  std::string text;  ///< as written: a name, a link's target, or a record id / KB path
  SourceLoc loc;     ///< the scalar in the front matter, or the link in the body
  /// The type a field names (attendees: person, ...); none for a body link, which may name any.
  std::optional<RecordType> type;
  bool body = false;  ///< a [[link]] or Markdown link in the body
};

/// Every name the note at `path` holding `text` uses: its name fields (attendees and the
/// organizations given with them, organizations, topics, event, affiliations, parent) and
/// its body's links, in file order. Empty when the note does not load.
std::vector<NameUse> name_uses(const KbConfig& config, std::string_view path, std::string_view text);

/// The defined records whose fields or body links resolve to `target` in the loaded graph,
/// `target` itself included when it names itself. REQUIRES: the graph was loaded with links.
std::vector<NodeId> notes_naming(const KnowledgeBase& kb, NodeId target);

/// True when `use` names `target` by its name (in any spelling with that name's key) or by its
/// record id, and could name no other defined record. A use by one of its aliases is false.
bool names_by_name(const KnowledgeBase& kb, const NameUse& use, NodeId target);

}  // namespace kb
