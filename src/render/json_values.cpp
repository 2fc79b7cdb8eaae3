#include "json_values.h"

#include "kb/parse/markdown.h"
#include "kb/query/profile.h"

namespace kb::json_values {
namespace {

nlohmann::json str_or_null(const std::string& s) { return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s); }

nlohmann::json date_or_null(const std::optional<Date>& d) {
  return d ? nlohmann::json(to_string(*d)) : nlohmann::json(nullptr);
}

}  // namespace

std::string name_of(const KnowledgeBase& kb, const NameRef& ref) {
  const Record* r = kb.lookup(ref.target);
  return r ? r->name : ref.text.str();
}

nlohmann::json value(const Value& v) {
  switch (v.kind) {
    case Value::Kind::null: return nullptr;
    case Value::Kind::scalar: return v.text;
    case Value::Kind::sequence: {
      auto arr = nlohmann::json::array();
      for (const auto& i : v.items) arr.push_back(value(i));
      return arr;
    }
    case Value::Kind::mapping: {
      auto obj = nlohmann::json::object();
      for (const auto& [k, i] : v.entries) obj[k] = value(i);
      return obj;
    }
  }
  return nullptr;
}

nlohmann::json meeting(const KnowledgeBase& kb, NodeId id) {
  kb.require_minutes("json_values::meeting");
  kb.require_actions("json_values::meeting");
  const Record& m = kb.at(id);
  nlohmann::json j;
  j["id"] = m.rid;
  j["path"] = m.path;
  j["title"] = m.name;
  j["date"] = date_or_null(m.date);
  j["time"] = str_or_null(m.time);
  j["timezone"] = str_or_null(m.timezone);
  j["end"] = str_or_null(m.end_time);
  j["location"] = str_or_null(m.location);
  if (!m.series.empty()) j["series"] = m.series.str();  // only when given: `.series` is null in jq either way
  j["event"] = m.event.text.empty() ? nlohmann::json(nullptr) : nlohmann::json(name_of(kb, m.event));
  auto orgs = nlohmann::json::array();
  for (const auto& o : m.organizations) orgs.push_back(name_of(kb, o));
  j["organizations"] = orgs;
  auto people = nlohmann::json::array();
  for (const auto& a : m.attendees) {
    nlohmann::json p;
    p["name"] = name_of(kb, a.person);
    const Record* org = kb.lookup(a.org);
    p["organization"] = org ? nlohmann::json(org->name) : nlohmann::json(nullptr);
    p["role"] = str_or_null(a.role);
    people.push_back(p);
  }
  j["attendees"] = people;
  auto topics = nlohmann::json::array();
  for (const auto& t : m.topics) topics.push_back(name_of(kb, t));
  j["topics"] = topics;
  j["tags"] = m.tags;
  j["summary"] = m.minutes->summary;
  auto decisions = nlohmann::json::array();
  for (const auto& d : m.minutes->decisions) decisions.push_back(d.text);
  j["decisions"] = decisions;
  auto actions = nlohmann::json::array();
  for (std::size_t i = 0; i < m.actions->size(); ++i) actions.push_back(action(kb, {id, i}));
  j["actions"] = actions;
  return j;
}

nlohmann::json meeting_ref(const KnowledgeBase& kb, NodeId id) {
  const Record& m = kb.at(id);
  return {{"id", m.rid}, {"date", date_or_null(m.date)}, {"title", m.name}};
}

nlohmann::json entity(const KnowledgeBase& kb, NodeId id) {
  const Record& r = kb.at(id);
  nlohmann::json j;
  j["id"] = r.defined ? nlohmann::json(r.rid) : nlohmann::json(nullptr);
  j["type"] = std::string(to_string(r.type));
  j["name"] = r.name;
  j["aliases"] = r.aliases;
  std::vector<NodeId> ms = meetings_for(kb, id);
  j["meetings"] = ms.size();
  j["last_meeting"] = ms.empty() ? nlohmann::json(nullptr) : date_or_null(kb.at(ms.back()).date);
  if (r.type == RecordType::person) {
    j["honorific"] = str_or_null(r.entity->honorific);
    auto affs = nlohmann::json::array();
    for (const auto& a : r.entity->affiliations)
      affs.push_back({{"organization", name_of(kb, a.org)}, {"role", str_or_null(a.role)},
                      {"since", date_or_null(a.since)}, {"until", date_or_null(a.until)}});
    j["affiliations"] = affs;
  }
  if (r.type == RecordType::organization || r.type == RecordType::topic) {
    j["parent"] = r.entity->parent.text.empty() ? nlohmann::json(nullptr) : nlohmann::json(name_of(kb, r.entity->parent));
    if (r.type == RecordType::organization) j["kind"] = str_or_null(r.entity->kind);
  }
  if (r.type == RecordType::event) {
    j["start"] = date_or_null(r.entity->start);
    j["end"] = date_or_null(r.entity->end);
    j["location"] = str_or_null(r.location);
  }
  return j;
}

nlohmann::json action(const KnowledgeBase& kb, const ActionRef& ref) {
  kb.require_actions("json_values::action");
  const Record& m = kb.at(ref.meeting);
  const Action& a = (*m.actions)[ref.index];
  nlohmann::json j;
  // The note the task is in; `meeting` is null for a task of another note (--all-notes).
  j["meeting"] = m.type == RecordType::meeting ? nlohmann::json(m.rid) : nlohmann::json(nullptr);
  j["note"] = m.rid;
  j["text"] = plain_text(a.text);  // as a reader reads it
  j["markdown"] = a.text;          // as written
  const Record* owner = kb.lookup(a.owner);
  j["owner"] = owner ? nlohmann::json(owner->name) : nlohmann::json(nullptr);
  j["due"] = date_or_null(a.due);
  j["done"] = a.done;
  j["done_on"] = date_or_null(a.done_on);
  j["cancelled"] = a.cancelled;
  j["line"] = a.loc.line;
  return j;
}

}  // namespace kb::json_values
