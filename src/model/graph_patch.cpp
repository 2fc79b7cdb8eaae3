#include "graph_patch.h"

#include <algorithm>
#include <optional>
#include <set>
#include <string>
#include <utility>

#include "kb/base/text.h"
#include "kb/model/names.h"
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

// The keys a wikilink naming `r` could have: its names', its record id's and its file name's
// (a link to a note by file name or by the end of its path ends with the file name, and
// link_keys() has the key of a link's last part).
void add_link_keys(const Record& r, std::set<std::string>& keys) {
  for (auto& key : KnowledgeBase::name_keys(r)) keys.insert(std::move(key));
  keys.insert(name_key(r.rid));
  const std::size_t slash = r.rid.rfind('/');
  keys.insert(name_key(slash == std::string::npos ? std::string_view(r.rid) : std::string_view(r.rid).substr(slash + 1)));
}

// Whether a [[wikilink]] could name one of `keys` (resolved to it, to another record of the
// same name, or to nothing), by `link_keys`, the keys of every link in the snapshot: adding or
// removing a note with those keys could change what it resolves to. (The links of the notes
// patched in are resolved again against the patched graph, as a whole load resolves them.)
bool linked(const std::vector<std::string>& link_keys, const std::set<std::string>& keys) {
  return std::any_of(keys.begin(), keys.end(),
                     [&](const std::string& k) { return std::binary_search(link_keys.begin(), link_keys.end(), k); });
}

// Whether a changed record `r` can take the place of `old` as far as its names go. A new title
// or name: fields name people, organizations, topics and events, so a meeting or plain note
// retitled is named by nothing but a [[wikilink]] that has its old or new name (the links of
// the snapshot say); a record of another type keeps its names. A name two people
// (organizations, topics, events) share is an error reported at one of them, which an edit may
// move: such records are left to a whole load. `alone`: no other note changed (another's new
// links are not in the snapshot's).
bool same_names_or_safe(const LoadResult& snap, const Record& old, const Record& r, bool alone) {
  const std::vector<std::string> keys = sorted_keys(r);
  if (keys != sorted_keys(old)) {
    if (is_entity(r) || !alone) return false;
    std::set<std::string> named(keys.begin(), keys.end());
    for (auto& key : KnowledgeBase::name_keys(old)) named.insert(std::move(key));
    if (linked(snap.link_keys, named)) return false;
    // Its own links too: they are resolved before its new names are indexed.
    for (const NameRef& m : *r.mentions) {
      std::string_view text = m.text.view();
      if (text.size() > 3 && text.substr(text.size() - 3) == ".md") text.remove_suffix(3);
      if (named.count(name_key(text))) return false;
    }
  }
  if (is_entity(r))
    for (const auto& key : keys) {
      NodeId first;
      if (snap.kb.count_by_key(key, r.type, first) != 1) return false;
    }
  return true;
}

// A person's affiliations give the organization and role of each meeting they attended: those
// meetings' attendees are settled again after the person at `id` changed them.
void resettle_meetings(KnowledgeBase& kb, NodeId id) {
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
}

// The unresolved nodes (names nothing defines) that `r`'s fields name.
std::vector<NodeId> undefined_named(const KnowledgeBase& kb, const Record& r) {
  std::vector<NodeId> out = KnowledgeBase::lists_holding(r);
  out.erase(std::remove_if(out.begin(), out.end(), [&](NodeId id) { return kb.at(id).defined; }), out.end());
  return out;
}

// How `r` first writes `node`, in the order a whole load resolves its fields (which names an
// unresolved node after the first note that writes it); none when that cannot be told (an
// attendee's organization given in the meeting, whose text is not kept, or taken from an
// affiliation).
std::optional<std::string> first_spelling(const Record& r, NodeId node) {
  for (const auto& o : r.organizations)
    if (o.target == node) return std::string(o.text);
  for (const auto& a : r.attendees) {
    if (a.person.target == node) return std::string(a.person.text);
    if (a.org == node) return std::nullopt;
  }
  for (const auto& t : r.topics)
    if (t.target == node) return std::string(t.text);
  if (r.event.target == node) return std::string(r.event.text);
  for (const auto& a : r.entity->affiliations)
    if (a.org.target == node) return std::string(a.org.text);
  if (r.entity->parent.target == node) return std::string(r.entity->parent.text);
  return std::nullopt;
}

// The name a whole load gives the unresolved `node`: as the first record (in node order) that
// names it writes it; none when that cannot be told.
std::optional<std::string> whole_load_name(const KnowledgeBase& kb, NodeId node) {
  NodeId first;
  for (const auto* list : {&kb.meetings_of(node), &kb.members_of(node), &kb.children_of(node)})
    for (NodeId id : *list)
      if (!first.valid() || id < first) first = id;
  if (!first.valid()) return std::nullopt;
  return first_spelling(kb.at(first), node);
}

// A person's name an action's [[link]] has: an unresolved person of that name becomes the
// action's owner in a whole load, so such a node may not come or go in a patch.
bool may_own_actions(const KnowledgeBase& kb, const std::vector<std::string>& link_keys, NodeId node) {
  const Record& n = kb.at(node);
  return n.type == RecordType::person && std::binary_search(link_keys.begin(), link_keys.end(), name_key(n.name));
}

// Resolves a changed record's names against the patched graph. A name no node has gets its
// unresolved node, put where a whole load numbers it (only when the note changed `alone`);
// then the names are resolved again.
bool resolve_changed(KnowledgeBase& kb, Record& r, RecordSides& sides, DiagSink& diags,
                     const std::vector<std::string>& link_keys, bool alone) {
  DiagSink first_pass;
  std::vector<Resolver::Miss> misses;
  {
    Resolver resolver(kb, first_pass, /*patching=*/true);
    resolver.defer_misses(&misses);
    resolver.resolve_record(r, sides);
  }
  if (misses.empty()) {
    diags.merge(first_pass);
    return true;
  }
  if (!alone) return false;  // another note's new action links could name a new person
  std::vector<Record> nodes;
  std::set<std::pair<RecordType, std::string>> made;
  for (const auto& m : misses) {
    const std::string key = name_key(m.ref->text);
    if (!made.emplace(m.type, key).second) continue;
    if (m.type == RecordType::person && std::binary_search(link_keys.begin(), link_keys.end(), key)) return false;
    Record node;
    node.type = m.type;
    node.defined = false;
    node.name = m.ref->text;
    nodes.push_back(std::move(node));
  }
  kb.insert(std::move(nodes));  // after every defined record: no defined id moves
  Resolver resolver(kb, diags, /*patching=*/true);
  resolver.resolve_record(r, sides);
  return !resolver.failed();
}

// After a record that named the unresolved nodes `was` was replaced: a node nothing names any
// more goes (a whole load would not make it), and each other node it or the record names now
// takes the name a whole load gives it. Nodes go only when the note changed `alone`.
bool settle_unresolved(KnowledgeBase& kb, const std::vector<NodeId>& was, NodeId id,
                       const std::vector<std::string>& link_keys, bool alone) {
  std::vector<NodeId> touched = undefined_named(kb, kb.at(id));
  std::vector<NodeId> gone;
  for (NodeId n : was) {
    if (!kb.meetings_of(n).empty() || !kb.members_of(n).empty() || !kb.children_of(n).empty()) {
      if (std::find(touched.begin(), touched.end(), n) == touched.end()) touched.push_back(n);
      continue;
    }
    if (!alone || may_own_actions(kb, link_keys, n)) return false;
    gone.push_back(n);
  }
  for (NodeId n : touched) {
    std::optional<std::string> name = whole_load_name(kb, n);
    if (!name) return false;
    kb.mutable_at(n).name = std::move(*name);
  }
  kb.erase(std::move(gone));
  return true;
}

// Reads and types a changed note and puts it in place of its old record, with what depends
// on it; false when only a whole load can tell (the rules are listed in docs/performance.md).
bool patch_changed(LoadResult& snap, FileSystem& fs, const FileInfo& file, RecordParts parts, DiagSink& fresh,
                   bool alone) {
  KnowledgeBase& kb = snap.kb;
  const Record* old = kb.lookup_rid(record_id(file.path));
  if (!old || old->path != file.path || !old->defined) return false;
  const NodeId id = old->id;
  DiagSink diags;
  std::string content, err;
  if (!fs.read(file.path, content, err)) return false;
  std::optional<RawRecord> raw = parse_record(file.path, content, diags, BodyParse::all);
  if (!raw) return false;
  Record r;
  r.path = old->path;
  r.rid = old->rid;
  RecordSides sides;
  if (!build_record(kb.config, std::move(*raw), r, sides, diags)) return false;
  if (r.type != old->type || !same_names_or_safe(snap, *old, r, alone)) return false;
  if (!resolve_changed(kb, r, sides, diags, snap.link_keys, alone)) return false;
  // kb.at(id) is the old record still (unresolved nodes may have been put in after it).
  const std::vector<NodeId> was = undefined_named(kb, kb.at(id));
  Resolver settler(kb, diags, /*patching=*/true);
  settle_meeting(kb, r, sides, settler);
  keep_parts(r, parts);
  const bool resettle =
      r.type == RecordType::person && !same_affiliations(kb.at(id).entity->affiliations, r.entity->affiliations);
  // Meetings whose attendees' organizations come from unresolved affiliations: a whole load.
  if (resettle && (!was.empty() || !undefined_named(kb, r).empty())) return false;
  kb.replace(id, std::move(r));
  if (resettle) resettle_meetings(kb, id);
  if (!settle_unresolved(kb, was, id, snap.link_keys, alone)) return false;
  fresh.merge(diags);
  return true;
}

}  // namespace

namespace {

// `Zhang Wei (World Bank)`: a person named with their organization, as two who share a name are.
bool names_person_by_org(const KnowledgeBase& kb, std::string_view text) {
  const auto split = split_name_org(text);
  NodeId first;
  return split && kb.count_by_key(name_key(split->first), RecordType::person, first) > 0;
}

// Whether some note names a person by organization (pick_by_org): which person that is
// depends on every note's affiliations, so such a KB is left to whole loads.
bool picks_by_org(const LoadResult& snap) {
  const KnowledgeBase& kb = snap.kb;
  for (const std::string& key : snap.link_keys)
    if (names_person_by_org(kb, key)) return true;
  for (const Record& r : kb.records())
    for (const Attendee& a : r.attendees)
      if (names_person_by_org(kb, a.person.text.view())) return true;
  return false;
}

}  // namespace

bool patch_graph(LoadResult& snap, FileSystem& fs, const NotePatch& patch, RecordParts parts) {
  KnowledgeBase& kb = snap.kb;
  if (picks_by_org(snap)) return false;
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
  // A note that changed alone may be retitled and bring or drop unresolved nodes: no other
  // note's new links could name them.
  const bool alone = patch.changed.size() == 1 && patch.added.empty() && patch.removed.empty();
  for (const FileInfo& file : patch.changed) {
    if (!patch_changed(snap, fs, file, parts, fresh, alone)) return false;
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
