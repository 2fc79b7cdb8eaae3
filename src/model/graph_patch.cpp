#include "graph_patch.h"

#include <algorithm>
#include <set>
#include <string>

#include "kb/base/text.h"
#include "kb/model/record_builder.h"
#include "kb/parse/record.h"
#include "resolver.h"

namespace kb {
namespace {

// Whether a record names a node that no record defines. A whole load makes such nodes, in the
// order they are first named: a patch that added or dropped one could not number them the same.
bool names_undefined(const KnowledgeBase& kb, const Record& r) {
  auto undefined = [&](NodeId id) { return id.valid() && !kb.at(id).defined; };
  if (undefined(r.event.target) || undefined(r.parent.target)) return true;
  for (const auto& o : r.organizations)
    if (undefined(o.target)) return true;
  for (const auto& a : r.attendees)
    if (undefined(a.person.target) || undefined(a.org)) return true;
  for (const auto& t : r.topics)
    if (undefined(t.target)) return true;
  for (const auto& a : r.affiliations)
    if (undefined(a.org.target)) return true;
  return false;
}

std::vector<std::string> sorted_keys(const Record& r) {
  std::vector<std::string> keys = KnowledgeBase::name_keys(r);
  std::sort(keys.begin(), keys.end());
  return keys;
}

}  // namespace

bool patch_graph(LoadResult& snap, FileSystem& fs, const std::vector<FileInfo>& files,
                 const std::vector<std::size_t>& changed, bool text) {
  KnowledgeBase& kb = snap.kb;
  DiagSink fresh;  // the changed notes' diagnostics, as a whole load gives them
  std::set<std::string> paths;
  std::string content, err;
  for (std::size_t i : changed) {
    const FileInfo& file = files[i];
    const Record* old = kb.lookup_rid(nfc(file.path.substr(0, file.path.size() - 3)));
    if (!old || old->path != file.path || !old->defined || names_undefined(kb, *old)) return false;
    DiagSink diags;
    if (!fs.read(file.path, content, err)) return false;
    std::optional<RawRecord> raw = parse_record(file.path, content, diags, true);
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
    if (!text) {
      r.fields = Value();
      std::string().swap(r.body);
      std::vector<NameRef>().swap(r.mentions);
    }
    const NodeId id = old->id;
    const bool person = r.type == RecordType::person;
    kb.replace(id, std::move(r));
    // A person's affiliations give the organization and role of each meeting attended.
    if (person)
      for (NodeId m : std::vector<NodeId>(kb.meetings_of(id))) {
        Record meeting = kb.at(m);
        bool moved = false;
        for (auto& a : meeting.attendees) {
          if (a.person.target != id) continue;
          const Attendee before = a;
          settle_attendee(kb, a, meeting.date);
          moved = moved || a.org != before.org || a.role != before.role;
        }
        if (moved) kb.replace(m, std::move(meeting));
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
