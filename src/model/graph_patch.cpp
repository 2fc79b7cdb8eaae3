#include "graph_patch.h"

#include <algorithm>
#include <set>
#include <string>
#include <utility>

#include "kb/model/record_builder.h"
#include "kb/parse/record.h"
#include "resolver.h"

namespace kb {
namespace {

// Whether a record names a node that no record defines. A whole load makes such nodes, in the
// order they are first named: a patch that added or dropped one could not number them the same.
bool names_undefined(const KnowledgeBase& kb, const Record& r) {
  auto undefined = [&](NodeId id) { return id.valid() && !kb.at(id).defined; };
  if (undefined(r.event.target) || undefined(r.entity->parent.target)) return true;
  for (const auto& o : r.organizations)
    if (undefined(o.target)) return true;
  for (const auto& a : r.attendees)
    if (undefined(a.person.target) || undefined(a.org)) return true;
  for (const auto& t : r.topics)
    if (undefined(t.target)) return true;
  for (const auto& a : r.entity->affiliations)
    if (undefined(a.org.target)) return true;
  return false;
}

bool same_affiliations(const std::vector<Affiliation>& a, const std::vector<Affiliation>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const Affiliation& x, const Affiliation& y) {
    return x.org.target == y.org.target && x.role == y.role && x.since == y.since && x.until == y.until;
  });
}

std::vector<std::string> sorted_keys(const Record& r) {
  std::vector<std::string> keys = KnowledgeBase::name_keys(r);
  std::sort(keys.begin(), keys.end());
  return keys;
}

}  // namespace

bool patch_graph(LoadResult& snap, FileSystem& fs, const std::vector<FileInfo>& files,
                 const std::vector<std::size_t>& changed, RecordParts parts) {
  KnowledgeBase& kb = snap.kb;
  DiagSink fresh;  // the changed notes' diagnostics, as a whole load gives them
  std::set<std::string> paths;
  std::string content, err;
  for (std::size_t i : changed) {
    const FileInfo& file = files[i];
    const Record* old = kb.lookup_rid(record_id(file.path));
    if (!old || old->path != file.path || !old->defined || names_undefined(kb, *old)) return false;
    DiagSink diags;
    if (!fs.read(file.path, content, err)) return false;
    std::optional<RawRecord> raw = parse_record(file.path, content, diags, BodyParse::all);
    if (!raw) return false;
    Record r;
    r.path = old->path;
    r.rid = old->rid;
    RecordSides sides;
    if (!build_record(kb.config, std::move(*raw), r, sides, diags)) return false;
    const std::vector<std::string> keys = sorted_keys(r);
    if (r.type != old->type || keys != sorted_keys(*old)) return false;
    // A name two people (organizations, topics, events) share is an error reported at one of
    // them, which an edit may move: such records are left to a whole load.
    if (r.type != RecordType::meeting && r.type != RecordType::note)
      for (const auto& key : keys) {
        NodeId first;
        if (kb.count_by_key(key, r.type, first) != 1) return false;
      }
    Resolver resolver(kb, diags, /*patching=*/true);  // after the parse's, as in a whole load
    resolver.resolve_record(r, sides);
    if (resolver.failed()) return false;
    settle_meeting(kb, r, sides, resolver);
    if (!parts.outcomes) r.outcomes.reset();
    if (!parts.text) r.text.reset();
    const NodeId id = old->id;
    const bool resettle = r.type == RecordType::person && !same_affiliations(old->entity->affiliations, r.entity->affiliations);
    kb.replace(id, std::move(r));
    // A person's affiliations give the organization and role of each meeting attended.
    if (resettle)
      for (NodeId m : std::vector<NodeId>(kb.meetings_of(id))) {
        const Record& meeting = kb.at(m);
        std::vector<std::pair<std::size_t, Attendee>> moved;
        for (std::size_t k = 0; k < meeting.attendees.size(); ++k) {
          if (meeting.attendees[k].person.target != id) continue;
          Attendee a = meeting.attendees[k];
          settle_attendee(kb, a, meeting.date);
          if (a.org != meeting.attendees[k].org || a.role != meeting.attendees[k].role) moved.emplace_back(k, std::move(a));
        }
        if (moved.empty()) continue;
        Record now = meeting;
        for (auto& [k, a] : moved) now.attendees[k] = std::move(a);
        kb.replace(m, std::move(now));
      }
    fresh.merge(diags);
    paths.insert(file.path);
  }
  // The stored diagnostics of the changed notes give way to their new ones. A record's
  // diagnostics all lie in its own file, so the path tells whose they are.
  DiagSink kept;
  for (const auto& d : snap.diags.all())
    if (!paths.count(d.loc.path.str())) kept.report(d);
  kept.merge(fresh);
  snap.diags = std::move(kept);
  return true;
}

}  // namespace kb
