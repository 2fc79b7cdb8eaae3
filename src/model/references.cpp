#include "kb/model/references.h"

#include <algorithm>

#include "kb/base/text.h"
#include "kb/model/record_builder.h"
#include "kb/parse/record.h"

namespace kb {
namespace {

void add(std::vector<NameUse>& out, const NameRef& ref, std::optional<RecordType> type, bool body = false) {
  if (!ref.text.empty()) out.push_back({std::string(ref.text.view()), ref.loc, type, body});
}

void field_uses(const Record& r, const RecordSides& sides, std::vector<NameUse>& out) {
  for (const Attendee& a : r.attendees) add(out, a.person, RecordType::person);
  for (const AttendeeInline& given : sides.attendees) add(out, given.org, RecordType::organization);
  for (const NameRef& o : r.organizations) add(out, o, RecordType::organization);
  for (const NameRef& t : r.topics) add(out, t, RecordType::topic);
  add(out, r.event, RecordType::event);
  if (!r.entity.present()) return;
  for (const Affiliation& a : r.entity->affiliations) add(out, a.org, RecordType::organization);
  add(out, r.entity->parent, r.type);
}

bool holds(const NameRef& ref, NodeId target) { return ref.target == target; }

bool fields_name(const Record& r, NodeId target) {
  auto named = [&](const NameRef& ref) { return holds(ref, target); };
  if (holds(r.event, target) || std::any_of(r.organizations.begin(), r.organizations.end(), named) ||
      std::any_of(r.topics.begin(), r.topics.end(), named))
    return true;
  for (const Attendee& a : r.attendees)
    if (holds(a.person, target) || (a.org_given && a.org == target)) return true;
  if (r.entity.present()) {
    if (holds(r.entity->parent, target)) return true;
    for (const Affiliation& a : r.entity->affiliations)
      if (holds(a.org, target)) return true;
  }
  return std::any_of(r.mentions->begin(), r.mentions->end(), named);
}

}  // namespace

std::vector<NameUse> name_uses(const KbConfig& config, std::string_view path, std::string_view text) {
  DiagSink diags;
  auto raw = parse_record(path, text, diags);
  if (!raw) return {};
  Record r;
  r.path = SharedPath(path);
  r.rid = record_id(path);
  RecordSides sides;
  if (!build_record(config, std::move(*raw), r, sides, diags)) return {};
  std::vector<NameUse> out;
  field_uses(r, sides, out);
  for (const NameRef& link : *r.mentions) add(out, link, std::nullopt, true);
  std::stable_sort(out.begin(), out.end(), [](const NameUse& a, const NameUse& b) {
    return std::pair(a.loc.line, a.loc.column) < std::pair(b.loc.line, b.loc.column);
  });
  return out;
}

std::vector<NodeId> notes_naming(const KnowledgeBase& kb, NodeId target) {
  std::vector<NodeId> out;
  for (const Record& r : kb.records())
    if (r.defined && !r.path.empty() && fields_name(r, target)) out.push_back(r.id);
  return out;
}

bool names_by_name(const KnowledgeBase& kb, const NameUse& use, NodeId target) {
  const Record& t = kb.at(target);
  if (!t.rid.empty() && use.text == t.rid) return true;
  const std::string key = name_key(use.text);
  if (key.empty() || key != name_key(t.name)) return false;
  for (NodeId other : kb.nodes_by_key(key)) {
    const Record& o = kb.at(other);
    if (other != target && o.defined && (!use.type || o.type == *use.type)) return false;
  }
  return true;
}

}  // namespace kb
