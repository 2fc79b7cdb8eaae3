#include "graph_patch.h"

#include <algorithm>
#include <optional>
#include <set>
#include <string>
#include <utility>

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

// A note added: its record, or (when it does not parse or type) none, and its diagnostics.
struct Added {
  std::string path;
  std::optional<Record> record;
  RecordSides sides;
  DiagSink diags;
};

// Reads and types an added note; false when it cannot be read (a whole load reports that).
bool build_added(const KbConfig& config, FileSystem& fs, const FileInfo& file, Added& out) {
  std::string content, err;
  out.path = file.path;
  if (!fs.read(file.path, content, err)) return false;
  std::optional<RawRecord> raw = parse_record(file.path, content, out.diags, BodyParse::all);
  if (!raw) return true;
  Record r;
  r.path = file.path;
  r.rid = record_id(file.path);
  if (build_record(config, std::move(*raw), r, out.sides, out.diags)) out.record = std::move(r);
  return true;
}

bool is_entity(const Record& r) { return r.type != RecordType::meeting && r.type != RecordType::note; }

// Whether `r`, added, is named by nothing in the graph yet (wikilinks are checked apart). A
// meeting or plain note never is (names in fields name people, organizations, topics and
// events). A person, organization, topic or event is when no node of its type, an unresolved
// one included, has one of its names or its record id as a name (a name nothing defined made
// an unresolved node), and when a name of it cannot be the record id of another of its type (a
// name given as a record id resolves to that record when no name matches: "people/ana" in a
// meeting names people/ana.md, until a person is called "people/ana").
bool named_by_nothing(const KnowledgeBase& kb, const Record& r) {
  if (!is_entity(r)) return true;
  NodeId first;
  for (const auto& key : KnowledgeBase::name_keys(r)) {
    if (kb.count_of_type(kb.nodes_by_key(key), r.type, first) != 0 || key.find('/') != std::string::npos) return false;
    for (const Record& other : kb.records())  // record ids without a folder: notes at the KB's root
      if (other.type == r.type && !other.rid.empty() && other.rid.find('/') == std::string::npos &&
          name_key(other.rid) == key)
        return false;
  }
  return kb.count_of_type(kb.nodes_by_key(name_key(r.rid)), r.type, first) == 0;
}

// Whether `r`, removed, is named by nothing else in the graph (wikilinks are checked apart): no
// meeting, member or sub-organization list holds it, and (for a person, organization, topic or
// event) no other record of its type shares a name with it, so no duplicate-name error moves.
bool named_by_nothing_else(const KnowledgeBase& kb, const Record& r) {
  if (!is_entity(r)) return true;
  if (!kb.meetings_of(r.id).empty() || !kb.members_of(r.id).empty() || !kb.children_of(r.id).empty()) return false;
  NodeId first;
  for (const auto& key : KnowledgeBase::name_keys(r))
    if (kb.count_by_key(key, r.type, first) != 1) return false;
  return true;
}

// The keys a wikilink naming `r` could have: its names' and its record id's.
void add_link_keys(const Record& r, std::set<std::string>& keys) {
  for (auto& key : KnowledgeBase::name_keys(r)) keys.insert(std::move(key));
  keys.insert(name_key(r.rid));
}

// Whether a [[wikilink]] could name one of `keys` (resolved to it, to another record of the
// same name, or to nothing), by `link_keys`, the keys of every link in the snapshot: adding or
// removing a note with those keys could change what it resolves to. (The links of the notes
// patched in are resolved again against the patched graph, as a whole load resolves them.)
bool linked(const std::vector<std::string>& link_keys, const std::set<std::string>& keys) {
  return std::any_of(keys.begin(), keys.end(),
                     [&](const std::string& k) { return std::binary_search(link_keys.begin(), link_keys.end(), k); });
}

}  // namespace

bool patch_graph(LoadResult& snap, FileSystem& fs, const NotePatch& patch, RecordParts parts) {
  KnowledgeBase& kb = snap.kb;
  DiagSink fresh;  // the changed notes' diagnostics, as a whole load gives them
  std::set<std::string> paths;
  if (!patch.added.empty() || !patch.removed.empty()) {
    std::set<std::string> keys;  // that a link naming a note added or removed could have
    std::set<NodeId> gone;
    for (const auto& path : patch.removed) {
      paths.insert(path);
      if (auto s = std::find(snap.skipped.begin(), snap.skipped.end(), path); s != snap.skipped.end()) {
        snap.skipped.erase(s);
        continue;
      }
      const Record* old = kb.lookup_rid(record_id(path));
      if (!old || old->path != path || !old->defined || !named_by_nothing_else(kb, *old) || names_undefined(kb, *old))
        return false;
      add_link_keys(*old, keys);
      gone.insert(old->id);
    }
    std::vector<Added> added(patch.added.size());
    std::set<std::pair<RecordType, std::string>> names;  // of the people, organizations, ... added
    for (std::size_t i = 0; i < added.size(); ++i) {
      paths.insert(patch.added[i].path);
      if (!build_added(kb.config, fs, patch.added[i], added[i])) return false;
      if (!added[i].record) continue;
      const Record& r = *added[i].record;
      if (!named_by_nothing(kb, r)) return false;
      if (is_entity(r))
        for (auto& key : KnowledgeBase::name_keys(r))
          if (!names.emplace(r.type, std::move(key)).second) return false;  // two of them share a name
      add_link_keys(r, keys);
    }
    if (linked(snap.link_keys, keys)) return false;
    kb.erase(std::vector<NodeId>(gone.begin(), gone.end()));
    // All in before any is resolved, as a whole load indexes every name first: a note added
    // may link to another added with it.
    std::vector<Record> in;
    for (Added& a : added) {
      if (a.record) in.push_back(std::move(*a.record));
      else snap.skipped.insert(std::lower_bound(snap.skipped.begin(), snap.skipped.end(), a.path), a.path);
    }
    kb.insert(std::move(in));
    for (Added& a : added) {
      if (const Record* in = a.record ? kb.lookup_rid(record_id(a.path)) : nullptr) {
        if (in->path != a.path) return false;  // two paths with one record id
        const NodeId id = in->id;
        Record& r = kb.mutable_at(id);
        Resolver resolver(kb, a.diags, /*patching=*/true);  // after the parse's, as in a whole load
        resolver.resolve_record(r, a.sides);
        if (resolver.failed() || names_undefined(kb, r)) return false;
        settle_meeting(kb, r, a.sides, resolver);
        kb.index_lists(id);
        keep_parts(r, parts);
      }
      fresh.merge(a.diags);
    }
  }
  std::string content, err;
  for (const FileInfo& file : patch.changed) {
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
    if (r.type != old->type) return false;
    // A new title or name: fields name people, organizations, topics and events, so a meeting
    // or plain note retitled is named by nothing but a [[wikilink]] that has its old or new
    // name (the links of the snapshot say). A record of another type keeps its names.
    if (keys != sorted_keys(*old)) {
      if (is_entity(r)) return false;
      std::set<std::string> named(keys.begin(), keys.end());
      for (auto& key : KnowledgeBase::name_keys(*old)) named.insert(std::move(key));
      if (linked(snap.link_keys, named)) return false;
    }
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
    keep_parts(r, parts);
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
