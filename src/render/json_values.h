#pragma once
// Private to render/: the JSON shapes of SPEC §2, built with nlohmann::json. Only render/*.cpp
// include this header.

#include <nlohmann/json.hpp>

#include "kb/model/graph.h"
#include "kb/query/actions.h"

namespace kb::json_values {

nlohmann::json meeting(const KnowledgeBase& kb, NodeId id);
/// A person, organization, topic or event object: id (null when unresolved), type, name,
/// aliases, meetings (count), and the type's own fields.
nlohmann::json entity(const KnowledgeBase& kb, NodeId id);
/// A meeting named in another answer: {id, date, title}.
nlohmann::json meeting_ref(const KnowledgeBase& kb, NodeId id);
nlohmann::json action(const KnowledgeBase& kb, const ActionRef& ref);
nlohmann::json value(const Value& v);
/// The canonical name of a resolved reference, else the text as written.
std::string name_of(const KnowledgeBase& kb, const NameRef& ref);

}  // namespace kb::json_values
