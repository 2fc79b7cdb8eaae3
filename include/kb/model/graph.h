#pragma once
// KnowledgeBase: the one owner of every record and of the indexes derived from them (names,
// meetings per person/organization/topic/event, sub-organizations, members). Built once by
// load_kb(), then read-only: every query takes `const KnowledgeBase&`.

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "kb/model/types.h"
#include "kb/model/visibility.h"

namespace kb {

/// How kb.yaml recognises records of one type (`types:`): by a folder, or by a front-matter key
/// holding a value (`categories: "[[Meetings]]"`, compared as names, list values match any).
struct TypeRule {
  RecordType type = RecordType::note;
  std::string folder;  ///< a folder path relative to the root ("Meetings", "Work/Calls"); or
  std::string key;     ///< a front-matter key, with
  std::string value;   ///< the value that marks the type
};

/// Settings from kb.yaml.
struct KbConfig {
  std::string name;
  std::string home;      ///< the organization the notes are written from
  std::string me;        ///< the person the notes are written by (`--owner me`, `--person me`)
  std::string timezone;
  /// kb key -> the vault's own key (e.g. "attendees" -> "people"), from `fields:` in kb.yaml.
  std::map<std::string, std::string> field_names;
  /// From `types:` in kb.yaml, in file order; tried before `type:` and the default folders.
  std::vector<TypeRule> type_rules;
  /// `strict: true`: kb add refuses names no record has instead of writing them as given.
  bool strict = false;
  /// `filenames: name`: new notes (and renamed ones) are named by the record's name itself,
  /// not its slug.
  bool name_files = false;
  /// `tasks: all-notes`: `kb actions` lists the tasks of every note, not only of meetings.
  bool tasks_all_notes = false;
  /// From `ignore:` in kb.yaml: globs of paths that are not notes (IgnoreRules::add_glob).
  std::vector<std::string> ignore;
  /// The Tasks plugin's global filter (load_tasks_filter()): when set, only the task lines that
  /// hold it are actions, and it is not part of their text.
  std::string tasks_filter;
  /// From `honorifics:` in kb.yaml: the words name matching drops before a name (and
  /// reports write before a person's name); empty: kDefaultHonorifics.
  std::vector<std::string> honorifics;
  /// kb.yaml's visibility levels and audiences (model/visibility.h).
  Visibility visibility;
  /// The last level the loaded audience may see (LoadOptions::audience); std::nullopt:
  /// everything was loaded.
  std::optional<std::size_t> audience_max;
  Value raw;             ///< kb.yaml as written

  /// The vault's key for kb's `key` (`fields:`), else `key`.
  std::string key_for(const std::string& key) const;
  /// The key a note's `fields` hold kb's `key` under: the vault's name or `key` itself,
  /// whichever the note uses, else key_for() (the key a new entry gets).
  std::string key_in(const Value& fields, const std::string& key) const;
};

/// A list of nodes for each node of a graph, where most lists are empty (a meeting holds no
/// meetings, members or sub-organizations): four bytes a node, and a vector for each list in use.
class NodeLists {
 public:
  /// `nodes` empty lists.
  void assign(std::size_t nodes);
  std::size_t size() const { return slot_.size(); }
  /// The list of `node` (empty when out of range).
  const std::vector<NodeId>& at(NodeId node) const;
  /// The list of `node`, to change. REQUIRES: node < size().
  std::vector<NodeId>& edit(NodeId node);
  /// Every list in use, in no order (for sorting each).
  std::vector<std::vector<NodeId>>& used() { return lists_; }
  /// An empty list for a node put in at `at` (the lists of later nodes move up by one).
  void insert_node(NodeId at);
  /// Drops the list of node `at` (the lists of later nodes move down by one).
  void erase_node(NodeId at);

 private:
  std::vector<std::uint32_t> slot_;  ///< per node: 0, or 1 + its list's place in lists_
  std::vector<std::vector<NodeId>> lists_;
};

/// The order of a graph's nodes, which does not depend on the order in which notes were read or
/// names met: the defined records by path, then the unresolved nodes (names nothing defines)
/// by type and name key.
bool node_before(const Record& a, const Record& b);

class KnowledgeBase {
 public:
  KbConfig config;
  std::string root;  ///< the KB folder as given (for messages)
  /// Every record's text is loaded: its front-matter tree and body (NoteText::fields, body).
  /// False when the load was asked for without them (RecordParts::text); they are empty then.
  bool has_text = true;
  /// Every record's body wikilinks are loaded (NoteText::mentions). False when the load was
  /// asked for without them (RecordParts::links); they are empty then.
  bool has_links = true;
  /// Every meeting's summary and decisions are loaded (Record::minutes). False when the load
  /// was asked for without them (RecordParts::minutes): reading them throws PartNotLoaded, and
  /// the queries that read them std::logic_error (require_minutes()).
  bool has_minutes = true;
  /// Every meeting's action items are loaded (Record::actions); as has_minutes, for
  /// RecordParts::actions and require_actions().
  bool has_actions = true;
  /// Throw std::logic_error naming `who` unless has_minutes, has_actions.
  void require_minutes(const char* who) const;
  void require_actions(const char* who) const;

  const std::vector<Record>& records() const { return records_; }
  const Record& at(NodeId id) const { return records_[id.value]; }
  const Record* lookup(NodeId id) const {
    return id.valid() && id.value < records_.size() ? &records_[id.value] : nullptr;
  }
  /// The record whose id (path without .md) is `rid`, or nullptr.
  const Record* lookup_rid(std::string_view rid) const;
  /// The note a wikilink's path names as Obsidian finds it, or nullptr: `link` (with or without
  /// `.md`) is the end of a note's path after a `/` or the whole of it, letter case aside
  /// (`[[note-a]]`, `[[b/c]]` for `a/b/c.md`), or, starting with `./` or `../`, a path from the
  /// folder of `from` (the linking note's path); a path with a folder is first taken from that
  /// folder (`[x](sub/b.md)` in notes/a.md is notes/sub/b.md). Of several, the one in `from`'s folder, else
  /// the one with the shortest path (then the first by path).
  const Record* lookup_file(std::string_view link, std::string_view from) const;
  /// The key lookup_file() finds `link` under (from the note at `from`): the last part of the
  /// path it names, lower-cased; empty when it names none.
  static std::string link_file_key(std::string_view link, std::string_view from);
  /// The file-name index's key of a record id: its last part, lower-cased.
  static std::string file_key(std::string_view rid);
  /// The KB's other files (paths from the root, as the walk lists them), which `![[embed]]`s
  /// name: set by every load from its walk, never stored in a snapshot.
  void set_attachments(const std::vector<std::string>& paths);
  /// Whether an embed of `link` from the note at `from` names one of those files, found as
  /// lookup_file() finds notes: the end of a path after a `/` or the whole of it, letter case
  /// aside, or a path from `from`'s folder when it starts with `./` or `../`.
  bool has_attachment(std::string_view link, std::string_view from) const;
  /// Every record of `type` (defined or not) whose name or alias has the name_key of `name`.
  std::vector<NodeId> find_by_name(std::string_view name, RecordType type) const;
  /// As find_by_name, for a name already reduced by name_key().
  std::vector<NodeId> find_by_key(const std::string& key, RecordType type) const;
  /// Every defined record of `type`, sorted by name.
  std::vector<NodeId> all_of(RecordType type) const;

  /// Meetings that involve `id`: as organization (directly), attendee, topic or event,
  /// sorted by date then id. For organizations, see also meetings_of_org().
  const std::vector<NodeId>& meetings_of(NodeId id) const;
  /// Direct sub-organizations (or sub-topics) of `id`.
  const std::vector<NodeId>& children_of(NodeId id) const;
  /// `id` and all its descendants through `parent:` links (cycles are cut).
  std::vector<NodeId> subtree(NodeId id) const;
  /// People with an affiliation to organization `id`.
  const std::vector<NodeId>& members_of(NodeId id) const;
  /// Meetings of an organization with roll-up: its own, its sub-organizations', and those
  /// attended by people whose organization on the meeting date is one of them.
  std::vector<NodeId> meetings_of_org(NodeId org, bool exact) const;

  /// How many distinct nodes of `type` are indexed under name key `key`; `first` is set to the
  /// first of them (find_by_key without building a list, for the common single match).
  std::size_t count_by_key(const std::string& key, RecordType type, NodeId& first) const;
  /// Every node indexed under name key `key`, of any type (each once); the list stays where it
  /// is while nodes are added.
  const std::vector<NodeId>& nodes_by_key(const std::string& key) const;
  /// count_by_key() over a list from nodes_by_key(); with `defined_only`, of defined records only.
  std::size_t count_of_type(const std::vector<NodeId>& nodes, RecordType type, NodeId& first,
                            bool defined_only = false) const;

  // Building (load_kb only).
  /// Room for `n` records, so that add() does not move the ones before.
  void reserve(std::size_t n);
  NodeId add(Record r);
  /// The first records of an empty graph, as add() on each in order would give, but taking the
  /// vector itself: no record is moved, and its spare capacity is the room for later add()
  /// calls. Throws std::logic_error when the graph has records already.
  void add_all(std::vector<Record>&& records);
  /// Sorts the record-id index if add() left it unsorted (lookup_rid is a scan until then).
  void index_rids();
  Record& mutable_at(NodeId id) { return records_[id.value]; }
  void index_names(NodeId id);
  /// index_names() with the keys already made by name_keys() (on a loading thread).
  void index_names(NodeId id, const std::vector<std::string>& keys);
  /// The nodes whose meeting, member or sub-organization lists hold `r` (each once): what its
  /// fields name.
  static std::vector<NodeId> lists_holding(const Record& r);
  /// The name keys a record is indexed under: of its name and aliases, each once, none empty.
  static std::vector<std::string> name_keys(const Record& r);
  void build_indexes();
  /// Puts `r` in place of the record at `id` in a built graph (a graph patched after an edit),
  /// moving it between the meeting, member and sub-organization lists and, when its names
  /// changed, in the name index. REQUIRES: `r` has the record's path and type, and names no
  /// node that is not in the graph.
  void replace(NodeId id, Record r);
  /// Puts `added`, defined records with paths whose names are not resolved yet, or unresolved
  /// nodes (a name nothing defines), into a built graph where a whole load numbers them
  /// (node_before: the defined records in path order, then the unresolved nodes): every
  /// later node, unresolved ones included, moves up, and every id held anywhere in the graph
  /// with it (in one pass, however many are added). The records are indexed by their names and
  /// record ids but are in no meeting, member or sub-organization list until index_lists()
  /// (after their names are resolved, which can then find them, as in a whole load).
  void insert(std::vector<Record> added);
  /// Adds the record at `id` to the meeting, member and sub-organization lists it belongs in
  /// (for a record put in by insert() and then resolved).
  void index_lists(NodeId id);
  /// Takes the records or unresolved nodes `gone` out of a built graph and out of every index;
  /// every later node moves down (in one pass). An id of one of them held anywhere becomes no id.
  void erase(std::vector<NodeId> gone);
  /// Puts the unresolved nodes (after the defined records) in node_before() order, moving
  /// every id held in the graph with them: a whole load's last step, so that the ids of a
  /// graph do not depend on the order in which names were first met.
  void sort_unresolved();

 private:
  /// Adds the record (the last one added) to the record-id index, noting when ids stop coming
  /// in order.
  void index_rid(const Record& r);
  /// Moves the record at `id` from the lists `old` belongs in to those `now` belongs in.
  void relist(const Record& old, const Record& now, NodeId id);
  /// Adds the record at `id` to the file-name index (when it has a record id).
  void index_file(NodeId id);
  /// Moves `id` in the name index from the keys `was` to the keys `now`.
  void rekey(const std::vector<std::string>& was, const std::vector<std::string>& now, NodeId id);
  /// Replaces every node id held in the graph (records, indexes, lists) by `map(id)`.
  template <class Map>
  void renumber(Map map);
  friend struct GraphCodec;  // model/graph_codec.cpp stores and restores the whole graph
  std::vector<Record> records_;
  std::unordered_map<std::string, std::vector<NodeId>> by_key_;  // name_key -> nodes (any type)
  // Every record with a record id, sorted by it (no copy of the ids: a graph snapshot restores
  // it as it is, checked); add() keeps it sorted while ids come in order, else index_rids().
  std::vector<NodeId> by_rid_;
  bool rids_sorted_ = true;
  // Every record with a record id, by its file name lower-cased (lower_case(), no folder, no
  // .md), in id order; derived from the records (a snapshot rebuilds it).
  std::unordered_map<std::string, std::vector<NodeId>> by_file_;
  std::unordered_map<std::string, std::vector<std::string>> attachments_;  ///< file_key -> paths, lower-cased
  NodeLists meetings_;
  NodeLists children_;
  NodeLists members_;
  static const std::vector<NodeId> kEmpty;
};

}  // namespace kb
