#include "graph_patch.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>

#include "kb/base/text.h"
#include "kb/model/names.h"
#include "kb/model/record_builder.h"
#include "kb/parse/record.h"
#include "reads.h"
#include "resolver.h"

namespace kb {
namespace {

// A note read again: its record as typed (its names not resolved yet), or none when it does not
// parse or type (a skipped file), what typing gave beside it, and its diagnostics.
struct Redo {
  std::string path;
  std::optional<Record> record;
  RecordSides sides;
  DiagSink diags;
};

// What one round of a patch does: the records taken out, those put in (new notes, or a note
// that changed type), and those done again in place (changed notes, and the notes that looked
// up something that changed).
struct Round {
  std::vector<NodeId> gone;
  std::vector<Redo> in;
  std::vector<Redo> again;
  std::set<std::string> paths;  // of every note of the round
  bool empty() const { return gone.empty() && in.empty() && again.empty(); }
};

// An unresolved node, by what identifies it (node_before): its type and name key.
using NodeKey = std::pair<RecordType, std::string>;

bool is_entity(const Record& r) { return r.type != RecordType::meeting && r.type != RecordType::note; }

std::vector<std::string> sorted_keys(const Record& r) {
  std::vector<std::string> keys = KnowledgeBase::name_keys(r);
  std::sort(keys.begin(), keys.end());
  return keys;
}

// Whether the names of `old` and `now` are the same (as name keys).
bool same_names(const Record& old, const Record& now) { return sorted_keys(old) == sorted_keys(now); }

// Whether a person's affiliations are the same as written in `old` and `now`.
bool same_affiliations(const Record& old, const Record& now) {
  if (!is_entity(now)) return true;
  const auto& a = old.entity->affiliations;
  const auto& b = now.entity->affiliations;
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const Affiliation& x, const Affiliation& y) {
    return x.org.text == y.org.text && x.role == y.role && x.since == y.since && x.until == y.until;
  });
}

bool meets(const std::vector<std::uint32_t>& reads, const std::vector<std::uint32_t>& offers) {
  return std::any_of(reads.begin(), reads.end(),
                     [&](std::uint32_t p) { return std::binary_search(offers.begin(), offers.end(), p); });
}

// A person's affiliations give the organization and role of each meeting they attended: those
// meetings' attendees are settled again after the person at `id` was resolved again.
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

bool held(const KnowledgeBase& kb, NodeId node) {
  return !kb.meetings_of(node).empty() || !kb.members_of(node).empty() || !kb.children_of(node).empty();
}

// The unresolved node of `key`, or none.
std::optional<NodeId> unresolved_node(const KnowledgeBase& kb, const NodeKey& key) {
  for (NodeId id : kb.find_by_key(key.second, key.first))
    if (!kb.at(id).defined) return id;
  return std::nullopt;
}

// Puts the notes of a NotePatch into a snapshot's graph, in rounds: the first does the notes
// that changed; each round's changes to the name indexes (records added, removed or renamed,
// a person's affiliations, unresolved nodes made or gone) are offers (model/reads.h), and every
// note whose reads meet them is done again in the next.
class Patcher {
 public:
  Patcher(LoadResult& snap, FileSystem& fs, RecordParts parts) : snap_(snap), kb_(snap.kb), fs_(fs), parts_(parts) {}

  bool run(const NotePatch& patch) {
    Round round;
    for (const auto& path : patch.removed)
      if (!take_removed(path, round)) return false;
    for (const auto& file : patch.added)
      if (!take_new(file.path, round)) return false;
    for (const auto& file : patch.changed)
      if (!take_changed(file.path, round)) return false;
    for (int n = 0;; ++n) {
      if (!add_readers(round)) return false;
      if (round.empty()) break;
      if (n == kMaxRounds || !apply(round)) return false;
      round = Round();
    }
    replace_diagnostics();
    return true;
  }

 private:
  // Rounds after the first only settle actions whose owner's node came or went: two suffice.
  static constexpr int kMaxRounds = 4;

  // Reads and types the note at `path`; false when it cannot be read (a whole load reports it).
  bool read(const std::string& path, Redo& out) {
    std::string content, err;
    out.path = path;
    read_.insert(path);
    if (!fs_.read(path, content, err)) return false;
    std::optional<RawRecord> raw = parse_record(path, content, out.diags, BodyParse::all);
    if (!raw) return true;
    Record r;
    r.path = path;
    r.rid = record_id(path);
    if (build_record(kb_.config, std::move(*raw), r, out.sides, out.diags)) out.record = std::move(r);
    return true;
  }

  void offer(const Record& r) {
    for (std::uint32_t p : offers(r)) offers_.push_back(p);
  }

  // The record at `path`, or nullptr.
  const Record* at_path(const std::string& path) const {
    const Record* r = kb_.lookup_rid(record_id(path));
    return r && r->path == path && r->defined ? r : nullptr;
  }

  // Takes `path` out of the skipped files; whether it was one.
  bool unskip(const std::string& path) {
    auto s = std::find(snap_.skipped.begin(), snap_.skipped.end(), path);
    if (s == snap_.skipped.end()) return false;
    snap_.skipped.erase(s);
    return true;
  }
  void skip(Redo& redo) {
    snap_.skipped.insert(std::lower_bound(snap_.skipped.begin(), snap_.skipped.end(), redo.path), redo.path);
    diags_[redo.path] = std::move(redo.diags);
  }

  bool take_removed(const std::string& path, Round& round) {
    round.paths.insert(path);
    diags_[path];  // its stored diagnostics go
    if (unskip(path)) return true;
    const Record* old = at_path(path);
    if (!old) return false;
    offer(*old);
    round.gone.push_back(old->id);
    return true;
  }

  bool take_new(const std::string& path, Round& round) {
    Redo redo;
    if (!read(path, redo)) return false;
    round.paths.insert(path);
    if (!redo.record) {
      skip(redo);
      return true;
    }
    offer(*redo.record);
    round.in.push_back(std::move(redo));
    return true;
  }

  bool take_changed(const std::string& path, Round& round) {
    if (unskip(path)) return take_new(path, round);
    const Record* old = at_path(path);
    Redo redo;
    if (!old || !read(path, redo)) return false;
    round.paths.insert(path);
    if (!redo.record || redo.record->type != old->type) {  // out, and in again as what it is now
      offer(*old);
      round.gone.push_back(old->id);
      if (!redo.record) {
        skip(redo);
        return true;
      }
      offer(*redo.record);
      round.in.push_back(std::move(redo));
      return true;
    }
    if (!same_names(*old, *redo.record)) {
      offer(*old);
      offer(*redo.record);
    }
    // The meetings a person attended are settled again when it is put back (put()); only which
    // of several people of one name `NAME (ORGANIZATION)` is needs those notes done again.
    if (!same_affiliations(*old, *redo.record))
      for (std::uint32_t p : affiliation_offers(*redo.record)) offers_.push_back(p);
    round.again.push_back(std::move(redo));
    return true;
  }

  // Adds to `round` every other note whose reads meet the offers made so far, read again. The
  // notes of the round before were resolved after the nodes it made or claimed.
  bool add_readers(Round& round) {
    settle_reads(offers_);
    settle_reads(late_offers_);
    if (offers_.empty() && late_offers_.empty()) return true;
    std::vector<std::string> readers;
    for (const Record& r : kb_.records()) {
      if (!r.defined || round.paths.count(r.path.str())) continue;
      if (!r.reads.loaded()) return false;
      if (meets(*r.reads, offers_) || (!last_paths_.count(r.path.str()) && meets(*r.reads, late_offers_)))
        readers.push_back(r.path.str());
    }
    offers_.clear();
    late_offers_.clear();
    redone_ += readers.size();
    if (redone_ > std::max<std::size_t>(256, kb_.records().size() / 8)) return false;  // a whole load is as quick
    for (const auto& path : readers) {
      const RecordType type = at_path(path)->type;
      Redo redo;
      if (!read(path, redo) || !redo.record || redo.record->type != type) return false;
      round.paths.insert(path);
      round.again.push_back(std::move(redo));
    }
    return true;
  }

  // The unresolved nodes `r` names in its fields go to `touched`.
  void note_unresolved(const Record& r) {
    for (NodeId id : KnowledgeBase::lists_holding(r))
      if (const Record& n = kb_.at(id); !n.defined) touched_.emplace(n.type, name_key(n.name));
  }

  // The unresolved nodes that a record put in or renamed now defines: their holders are all in
  // the round (they looked the name up), and a whole load would not make them.
  std::vector<NodeId> claimed(const Round& round) {
    std::vector<NodeId> out;
    for (const auto* list : {&round.in, &round.again})
      for (const Redo& redo : *list)
        for (const auto& key : KnowledgeBase::name_keys(*redo.record))
          if (auto id = unresolved_node(kb_, {redo.record->type, key})) {
            out.push_back(*id);
            made_or_claimed_.push_back(probe(Probe::name, key));
          }
    return out;
  }

  bool apply(Round& round) {
    for (Redo& redo : round.again) {  // out of every list, under its new names
      const NodeId id = at_path(redo.path)->id;
      note_unresolved(kb_.at(id));
      kb_.replace(id, *redo.record);
    }
    for (NodeId id : round.gone) note_unresolved(kb_.at(id));
    std::vector<NodeId> out = claimed(round);
    out.insert(out.end(), round.gone.begin(), round.gone.end());
    kb_.erase(std::move(out));
    std::vector<Record> in;
    for (const Redo& redo : round.in) in.push_back(*redo.record);
    kb_.insert(std::move(in));
    last_paths_ = round.paths;
    std::vector<Redo*> all;
    for (auto* list : {&round.in, &round.again})
      for (Redo& redo : *list) all.push_back(&redo);
    return resolve(all) && settle_unresolved();
  }

  // Resolves the round's records against the graph, as a whole load would: the names that match
  // nothing first get their unresolved nodes, then every record is resolved with them in.
  bool resolve(std::vector<Redo*>& all) {
    for (Redo* redo : all) {
      const Record* r = at_path(redo->path);
      if (!r) return false;  // two paths with one record id
      redo->record->id = r->id;
    }
    std::sort(all.begin(), all.end(), [](const Redo* a, const Redo* b) { return a->record->id < b->record->id; });
    make_missing_nodes(all);
    std::vector<Resolver::Miss> misses;
    for (Redo* redo : all) {
      Resolver resolver(kb_, redo->diags, /*patching=*/true);
      resolver.defer_misses(&misses);
      resolver.resolve_record(*redo->record, redo->sides);
    }
    if (!misses.empty()) return false;
    // People (whose affiliations settle meetings) first, then the meetings. Any note's tasks
    // get their owners by name, which the graph already holds.
    for (Redo* redo : all)
      if (redo->record->type != RecordType::meeting) {
        settle(*redo);
        put(*redo);
      }
    for (Redo* redo : all)
      if (redo->record->type == RecordType::meeting) {
        settle(*redo);
        put(*redo);
      }
    for (Redo* redo : all) diags_[redo->path] = std::move(redo->diags);
    return true;
  }

  void make_missing_nodes(const std::vector<Redo*>& all) {
    DiagSink scratch;
    std::vector<Resolver::Miss> misses;
    // Copies, resolved only for their misses (which point into them).
    std::vector<Record> copies(all.size());
    std::vector<RecordSides> sides(all.size());
    for (std::size_t i = 0; i < all.size(); ++i) {
      copies[i] = *all[i]->record;
      sides[i].attendees = all[i]->sides.attendees;
      Resolver resolver(kb_, scratch, /*patching=*/true);
      resolver.defer_misses(&misses);
      resolver.resolve_record(copies[i], sides[i]);
    }
    std::vector<Record> nodes;
    std::set<NodeKey> made;
    for (const auto& m : misses) {
      NodeKey key{m.type, name_key(m.ref->text)};
      if (!made.insert(key).second) continue;
      Record node;
      node.type = m.type;
      node.defined = false;
      node.name = m.ref->text;
      nodes.push_back(std::move(node));
      touched_.insert(key);
      made_or_claimed_.push_back(probe(Probe::name, key.second));
    }
    kb_.insert(std::move(nodes));  // after every defined record: no defined id moves
  }

  // How `r` first writes the unresolved `node` in a field, in the order a whole load resolves
  // them (which names the node after the first note that writes it): the text; "" when `r`
  // names it in no field (an attendee's organization taken from the person's affiliation); none
  // when the note cannot be read any more.
  std::optional<std::string> first_spelling(const Record& r, NodeId node) {
    for (const auto& o : r.organizations)
      if (o.target == node) return std::string(o.text);
    for (std::size_t k = 0; k < r.attendees.size(); ++k) {
      const Attendee& a = r.attendees[k];
      if (a.person.target == node) return std::string(a.person.text);
      if (a.org == node && a.org_given) return given_org(r.path.str(), k);
    }
    for (const auto& t : r.topics)
      if (t.target == node) return std::string(t.text);
    if (r.event.target == node) return std::string(r.event.text);
    for (const auto& a : r.entity->affiliations)
      if (a.org.target == node) return std::string(a.org.text);
    if (r.entity->parent.target == node) return std::string(r.entity->parent.text);
    return std::string();
  }

  // The organization that attendee `k` of the meeting at `path` is given with, as written (the
  // graph keeps only the node): from the note.
  std::optional<std::string> given_org(const std::string& path, std::size_t k) {
    Redo redo;
    if (!read(path, redo) || !redo.record) return std::nullopt;
    for (const AttendeeInline& given : redo.sides.attendees)
      if (given.attendee == k) return std::string(given.org.text);
    return std::nullopt;
  }

  // The name a whole load gives the unresolved `node`: as the first record (in node order)
  // whose fields name it writes it; none when that cannot be told.
  std::optional<std::string> whole_load_name(NodeId node) {
    std::vector<NodeId> holders;
    for (const auto* list : {&kb_.meetings_of(node), &kb_.members_of(node), &kb_.children_of(node)})
      holders.insert(holders.end(), list->begin(), list->end());
    std::sort(holders.begin(), holders.end());
    for (NodeId id : holders) {
      std::optional<std::string> name = first_spelling(kb_.at(id), node);
      if (!name || !name->empty()) return name;
    }
    return std::nullopt;
  }

  void settle(Redo& redo) {
    DiagSink none;
    Resolver settler(kb_, none, /*patching=*/true);
    settle_meeting(kb_, *redo.record, redo.sides, settler);
  }

  // Puts a resolved record in its place, and settles again the meetings a person attended.
  void put(Redo& redo) {
    Record& r = *redo.record;
    keep_parts(r, parts_);
    const NodeId id = r.id;
    note_unresolved(r);
    kb_.replace(id, r);
    if (r.type == RecordType::person) resettle_meetings(kb_, id);
  }

  // Each unresolved node the round touched: gone when no field names it any more, else named
  // as a whole load names it. Nodes made or gone are offers for the next round (the owner of
  // an action is any person of its link's name, unresolved ones included).
  bool settle_unresolved() {
    std::vector<NodeId> unheld;
    for (const NodeKey& key : touched_) {
      const std::optional<NodeId> id = unresolved_node(kb_, key);
      if (!id) continue;
      if (!held(kb_, *id)) {
        unheld.push_back(*id);
        next_offers_.push_back(probe(Probe::name, key.second));
        continue;
      }
      std::optional<std::string> name = whole_load_name(*id);
      if (!name) return false;
      kb_.mutable_at(*id).name = std::move(*name);
    }
    kb_.erase(std::move(unheld));
    touched_.clear();
    offers_ = std::move(next_offers_);
    next_offers_.clear();
    late_offers_ = std::move(made_or_claimed_);
    made_or_claimed_.clear();
    return true;
  }

  // The stored diagnostics of the notes done again give way to their new ones. A record's
  // diagnostics all lie in its own file, so the path tells whose they are.
  void replace_diagnostics() {
    DiagSink kept;
    for (const auto& d : snap_.diags.all())
      if (!diags_.count(d.loc.path.str())) kept.report(d);
    for (auto& [path, diags] : diags_) kept.merge(std::move(diags));
    snap_.diags = std::move(kept);
  }

  LoadResult& snap_;
  KnowledgeBase& kb_;
  FileSystem& fs_;
  const RecordParts parts_;
  std::vector<std::uint32_t> offers_;       // for the round being gathered
  std::vector<std::uint32_t> next_offers_;  // found while a round is applied: unresolved nodes gone
  // Unresolved nodes made or claimed by a record while a round is applied, and then for the
  // next round: the records of the round were resolved after them.
  std::vector<std::uint32_t> made_or_claimed_, late_offers_;
  std::set<std::string> last_paths_;       // the notes of the round applied last
  std::set<NodeKey> touched_;               // unresolved nodes the round's records named or name
  std::map<std::string, DiagSink> diags_;   // the new diagnostics of each note done again
  std::size_t redone_ = 0;
  std::set<std::string> read_;  // every note read

 public:
  std::size_t notes_read() const { return read_.size(); }
};

}  // namespace

bool patch_graph(LoadResult& snap, FileSystem& fs, const NotePatch& patch, RecordParts parts,
                 std::size_t& notes_read) {
  Patcher patcher(snap, fs, parts);
  const bool done = patcher.run(patch);
  notes_read = patcher.notes_read();
  return done;
}

}  // namespace kb
