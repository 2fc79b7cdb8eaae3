#pragma once
// Name resolution for load_kb (private to model/): every name a record writes (organizations,
// attendees, topics, the event, affiliations, parents, body wikilinks) becomes the node it
// names, and then each meeting's attendees get their organization and role on its date and
// each action its owner. Used for a whole load and for a graph patched after an edit
// (graph_patch.cpp), which must come out exactly as a whole load would.

#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "kb/base/diag.h"
#include "kb/model/graph.h"
#include "kb/model/record_builder.h"
#include "reads.h"

namespace kb {

class Resolver {
 public:
  /// `patching`: the graph is already built (its unresolved nodes are in it), and only the
  /// names of some records are resolved again: a field's name may match an unresolved node (as
  /// it would once a whole load made it), a body link only defined records (as while a whole
  /// load resolves them, before it makes any node); a name that matches no node is a miss
  /// (defer_misses()) or sets failed().
  Resolver(KnowledgeBase& kb, DiagSink& diags, bool patching = false)
      : kb_(kb), diags_(diags), patching_(patching) {}

  /// Resolves `ref` to a node of `type`; a name nothing defines becomes an undefined node.
  void resolve(NameRef& ref, RecordType type);
  /// A body link of the note at `from`: a note's file name or path first, as Obsidian finds it
  /// (KnowledgeBase::lookup_file), then a record id, then names and aliases, where the first
  /// type (person, organization, topic, event, meeting, note) with a match wins.
  /// A missing one is warned of as an unresolved link, or a missing embed when `embed`.
  void resolve_link(NameRef& ref, std::string_view from, bool embed = false);
  /// Every name `r` writes (with `sides`, what building it gave beside it), and, for a person,
  /// organization, topic or event, whether an earlier one of its type has one of its names (a
  /// duplicate name, reported at the later one). What it looked up goes to `r.reads`.
  void resolve_record(Record& r, RecordSides& sides);
  /// Adds the unresolved nodes; REQUIRES: no record was added since resolution started.
  void commit();
  /// A name matched nothing while patching.
  bool failed() const { return failed_; }

  /// A name that matched no record, left for resolve_graph() to give a node in record order.
  struct Miss {
    NameRef* ref;
    RecordType type;
  };
  /// From now on a name that matches no record is added to `misses` (and left unresolved, with
  /// no warning) instead of becoming a node.
  void defer_misses(std::vector<Miss>* misses) { misses_ = misses; }

  /// name_key(text), remembered: a KB names the same people and organizations, spelled the
  /// same way, in note after note, and NFKC with case folding is the costly part of a lookup.
  const std::string& key_of(const std::string& text);
  /// Notes a lookup in the record being resolved (resolve_record()) or settled (settle_meeting()).
  void read(Probe index, std::string_view key) {
    if (reads_) reads_->push_back(probe(index, key));
  }
  /// From now on lookups are noted in `reads` (nullptr: not noted).
  void note_reads(std::vector<std::uint32_t>* reads) { reads_ = reads; }

 private:
  /// A name as written, with its key (in keys_) and the nodes indexed under that key: one
  /// lookup by the text instead of one for the key and one in the name index.
  struct Known {
    const std::string* key;
    const std::vector<NodeId>* nodes;
  };
  const Known& known_name(const std::string& text);
  /// What a body link's text resolves to: the node, or why none (the warning to give).
  enum class LinkMiss { none, ambiguous, unresolved };
  LinkMiss link_target(const std::string& text, std::string_view from, NodeId& target);
  void warn_link(const std::string& text, const SourceLoc& loc, LinkMiss miss, bool embed);
  void warn_unresolved(const NameRef& ref, RecordType type);
  void report_ambiguous(const NameRef& ref, RecordType type, const std::string& key);
  /// `NAME (ORGANIZATION)` naming one of two people who share a name (pick_by_org): sets the
  /// target; while patching, fails the patch.
  bool pick_org(NameRef& ref);
  /// The names a pick_org() of `text` looks up: the person's, the organization's and those of
  /// the organizations of every person of that name.
  void read_pick(std::string_view text);
  void check_duplicate_names(const Record& r);

  KnowledgeBase& kb_;
  DiagSink& diags_;
  bool patching_ = false;
  bool failed_ = false;
  std::vector<Miss>* misses_ = nullptr;
  std::vector<std::uint32_t>* reads_ = nullptr;
  std::vector<Record> pending_;
  std::map<std::pair<RecordType, std::string>, NodeId> pending_ids_;
  std::unordered_map<std::string, std::string> keys_;
  std::unordered_map<std::string, Known> known_;
};

/// Resolves every name of every record in `kb` (sides[i] beside record i), commits the
/// unresolved nodes and settles each meeting (settle_meeting()): the same graph and
/// diagnostics as one Resolver running resolve_record() over the records in order, then
/// commit() and settle_meeting() on each. The lookups and the settling run on up to `threads`
/// threads, each over one run of records with a Resolver of its own; the names that matched
/// nothing are then given their nodes in record order, as one thread would number them. The
/// diagnostics are added sorted (DiagSink::sort()), whatever the number of threads.
void resolve_graph(KnowledgeBase& kb, std::vector<RecordSides>& sides, DiagSink& diags, unsigned threads);

/// After resolution and commit(): the owner of each of meeting `r`'s actions (the first of its
/// wikilinks naming exactly one person) and each attendee's organization and role (those given
/// in the meeting, else the affiliation current on its date). For a note of another type, only
/// its actions' owners (tasks outside meetings, issue 23).
void settle_meeting(const KnowledgeBase& kb, Record& r, RecordSides& sides, Resolver& resolver);

/// An attendee's organization and role on `date`, the meeting's: those given in the meeting
/// (org_given, role_given), else those of the person's affiliation current on that date. Run
/// again when the person's affiliations change.
void settle_attendee(const KnowledgeBase& kb, Attendee& a, const std::optional<Date>& date);

}  // namespace kb
