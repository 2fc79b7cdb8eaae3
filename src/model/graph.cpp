#include "kb/model/graph.h"

#include <algorithm>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>

#include <fmt/format.h>

#include "kb/base/text.h"

namespace kb {

std::string KbConfig::key_for(const std::string& key) const {
  auto it = field_names.find(key);
  return it == field_names.end() || it->second.empty() ? key : it->second;
}

std::string KbConfig::key_in(const Value& fields, const std::string& key) const {
  // As written in the note (`Aliases:` for `aliases`): property names are matched ignoring case.
  std::string mapped = key_for(key);
  if (std::string_view k = fields.property_name(mapped); !k.empty()) return std::string(k);
  if (std::string_view k = fields.property_name(key); !k.empty()) return std::string(k);
  return mapped;
}

const std::vector<NodeId> KnowledgeBase::kEmpty;

void KnowledgeBase::require_minutes(const char* who) const {
  if (!has_minutes) throw std::logic_error(fmt::format("{}: summaries or decisions read from a KB loaded without them", who));
}

void KnowledgeBase::require_actions(const char* who) const {
  if (!has_actions) throw std::logic_error(fmt::format("{}: actions read from a KB loaded without them", who));
}

const Record* KnowledgeBase::lookup_rid(std::string_view rid) const {
  if (rid.empty()) return nullptr;
  if (!rids_sorted_) {
    for (NodeId id : by_rid_)
      if (records_[id.value].rid == rid) return &records_[id.value];
    return nullptr;
  }
  auto it = std::lower_bound(by_rid_.begin(), by_rid_.end(), rid,
                             [&](NodeId id, std::string_view want) { return records_[id.value].rid < want; });
  return it != by_rid_.end() && records_[it->value].rid == rid ? &records_[it->value] : nullptr;
}

namespace {

std::string_view folder_of(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? std::string_view() : path.substr(0, slash);
}


// `link` (`./x`, `../a/x`) as a path from the KB's root, taken from `folder`; empty when it
// climbs above the root.
std::string join_relative(std::string_view folder, std::string_view link) {
  std::vector<std::string_view> parts;
  auto add = [&](std::string_view path) {
    while (!path.empty()) {
      const std::size_t slash = path.find('/');
      const std::string_view part = path.substr(0, slash);
      path = slash == std::string_view::npos ? std::string_view() : path.substr(slash + 1);
      if (part == "..") {
        if (parts.empty()) return false;
        parts.pop_back();
      } else if (!part.empty() && part != ".") {
        parts.push_back(part);
      }
    }
    return true;
  };
  if (!add(folder) || !add(link)) return {};
  std::string out;
  for (std::string_view p : parts) out.append(out.empty() ? "" : "/").append(p);
  return out;
}

}  // namespace

std::string KnowledgeBase::file_key(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  return lower_case(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

namespace {

// The path a link names, lower-cased, and whether it is relative to the linking note.
std::string link_path(std::string_view link, std::string_view from, bool& relative) {
  if (link.size() > 3 && to_lower_ascii(link.substr(link.size() - 3)) == ".md") link.remove_suffix(3);
  relative = link.rfind("./", 0) == 0 || link.rfind("../", 0) == 0;
  while (!relative && !link.empty() && link.front() == '/') link.remove_prefix(1);
  return lower_case(relative ? join_relative(folder_of(from), link) : std::string(link));
}

}  // namespace

std::string KnowledgeBase::link_file_key(std::string_view link, std::string_view from) {
  bool relative = false;
  const std::string want = link_path(link, from, relative);
  return want.empty() ? std::string() : file_key(want);
}

const Record* KnowledgeBase::lookup_file(std::string_view link, std::string_view from) const {
  bool relative = false;
  const std::string want = link_path(link, from, relative);
  if (want.empty()) return nullptr;
  auto it = by_file_.find(file_key(want));
  if (it == by_file_.end()) return nullptr;
  const std::string_view here = folder_of(from);
  // A path (`sub/b`) is first taken from the linking note's folder, as Obsidian does.
  const std::string near =
      !relative && want.find('/') != std::string::npos ? lower_case(join_relative(here, want)) : std::string();
  if (!near.empty())
    for (NodeId id : it->second)
      if (lower_case(records_[id.value].rid) == near) return &records_[id.value];
  const Record* best = nullptr;
  for (NodeId id : it->second) {
    const Record& r = records_[id.value];
    const std::string rid = lower_case(r.rid);
    const bool tail = !relative && rid.size() > want.size() && rid[rid.size() - want.size() - 1] == '/' &&
                      std::string_view(rid).substr(rid.size() - want.size()) == want;
    if (rid != want && !tail) continue;
    if (folder_of(r.rid) == here) return &r;  // Obsidian's choice: the linking note's folder
    if (!best || r.rid.size() < best->rid.size()) best = &r;  // else the shortest path
  }
  return best;
}

void KnowledgeBase::set_attachments(const std::vector<std::string>& paths) {
  attachments_.clear();
  for (const std::string& p : paths) attachments_[file_key(p)].push_back(lower_case(p));
}

bool KnowledgeBase::has_attachment(std::string_view link, std::string_view from) const {
  bool relative = false;
  const std::string want = link_path(link, from, relative);
  auto it = attachments_.find(file_key(want));
  if (want.empty() || it == attachments_.end()) return false;
  // A path without `./` is taken from the root, from the note's folder, or as a path's end.
  const std::string near = relative ? std::string() : lower_case(join_relative(folder_of(from), want));
  for (const std::string& path : it->second) {
    const bool tail = path.size() > want.size() && path[path.size() - want.size() - 1] == '/' &&
                      std::string_view(path).substr(path.size() - want.size()) == want;
    if (path == want || (!relative && (path == near || tail))) return true;
  }
  return false;
}

void KnowledgeBase::index_file(NodeId id) {
  const Record& r = records_[id.value];
  if (r.rid.empty()) return;
  auto& ids = by_file_[file_key(r.rid)];
  ids.insert(std::lower_bound(ids.begin(), ids.end(), id), id);
}

void KnowledgeBase::index_rids() {
  if (rids_sorted_) return;
  std::stable_sort(by_rid_.begin(), by_rid_.end(),
                   [&](NodeId a, NodeId b) { return records_[a.value].rid < records_[b.value].rid; });
  rids_sorted_ = true;
}

std::vector<NodeId> KnowledgeBase::find_by_name(std::string_view name, RecordType type) const {
  return find_by_key(name_key(name), type);
}

std::vector<NodeId> KnowledgeBase::find_by_key(const std::string& key, RecordType type) const {
  std::vector<NodeId> out;
  auto it = by_key_.find(key);
  if (it == by_key_.end()) return out;
  for (NodeId id : it->second)
    if (records_[id.value].type == type && std::find(out.begin(), out.end(), id) == out.end())
      out.push_back(id);
  return out;
}

std::size_t KnowledgeBase::count_by_key(const std::string& key, RecordType type, NodeId& first) const {
  return count_of_type(nodes_by_key(key), type, first);
}

const std::vector<NodeId>& KnowledgeBase::nodes_by_key(const std::string& key) const {
  auto it = by_key_.find(key);
  return it == by_key_.end() ? kEmpty : it->second;
}

std::size_t KnowledgeBase::count_of_type(const std::vector<NodeId>& nodes, RecordType type, NodeId& first,
                                         bool defined_only) const {
  first = NodeId{};
  std::size_t n = 0;
  for (NodeId id : nodes)
    if (records_[id.value].type == type && (!defined_only || records_[id.value].defined)) {
      if (n == 0) first = id;
      ++n;  // index_names() lists a node once under a key
    }
  return n;
}

std::vector<NodeId> KnowledgeBase::all_of(RecordType type) const {
  std::vector<NodeId> out;
  for (const auto& r : records_)
    if (r.type == type && r.defined) out.push_back(r.id);
  std::sort(out.begin(), out.end(), [&](NodeId a, NodeId b) {
    const auto& ra = at(a);
    const auto& rb = at(b);
    if (type == RecordType::meeting && ra.date != rb.date) return ra.date < rb.date;
    std::string ka = fold(ra.name), kb2 = fold(rb.name);
    return ka != kb2 ? ka < kb2 : ra.rid < rb.rid;
  });
  return out;
}

void NodeLists::assign(std::size_t nodes) {
  slot_.assign(nodes, 0);
  lists_.clear();
}

const std::vector<NodeId>& NodeLists::at(NodeId node) const {
  static const std::vector<NodeId> kEmpty;
  if (!node.valid() || node.value >= slot_.size() || slot_[node.value] == 0) return kEmpty;
  return lists_[slot_[node.value] - 1];
}

std::vector<NodeId>& NodeLists::edit(NodeId node) {
  std::uint32_t& slot = slot_[node.value];
  if (slot == 0) {
    lists_.emplace_back();
    slot = static_cast<std::uint32_t>(lists_.size());
  }
  return lists_[slot - 1];
}

void NodeLists::insert_node(NodeId at) { slot_.insert(slot_.begin() + at.value, 0); }

void NodeLists::erase_node(NodeId at) {
  if (const std::uint32_t slot = slot_[at.value]) lists_[slot - 1].clear();  // unused from now on
  slot_.erase(slot_.begin() + at.value);
}

const std::vector<NodeId>& KnowledgeBase::meetings_of(NodeId id) const { return meetings_.at(id); }

const std::vector<NodeId>& KnowledgeBase::children_of(NodeId id) const { return children_.at(id); }

const std::vector<NodeId>& KnowledgeBase::members_of(NodeId id) const { return members_.at(id); }

std::vector<NodeId> KnowledgeBase::subtree(NodeId id) const {
  std::vector<NodeId> out;
  std::set<NodeId> seen;
  std::vector<NodeId> stack{id};
  while (!stack.empty()) {
    NodeId cur = stack.back();
    stack.pop_back();
    if (!seen.insert(cur).second) continue;
    out.push_back(cur);
    const auto& kids = children_of(cur);
    for (auto it = kids.rbegin(); it != kids.rend(); ++it) stack.push_back(*it);
  }
  return out;
}

std::vector<NodeId> KnowledgeBase::meetings_of_org(NodeId org, bool exact) const {
  std::vector<NodeId> out;
  if (exact) {
    for (NodeId m : meetings_of(org)) {
      const Record& r = at(m);
      bool listed = std::any_of(r.organizations.begin(), r.organizations.end(),
                                [&](const NameRef& o) { return o.target == org; });
      if (listed) out.push_back(m);
    }
    return out;
  }
  const std::vector<NodeId> orgs = subtree(org);
  if (orgs.size() == 1) return meetings_of(org);  // kept in this order, each once
  for (NodeId o : orgs) out.insert(out.end(), meetings_of(o).begin(), meetings_of(o).end());
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  // By date (undated first), then id; each key made once.
  std::vector<std::pair<std::int32_t, NodeId>> keyed;
  keyed.reserve(out.size());
  for (NodeId m : out) {
    const auto& d = at(m).date;
    keyed.emplace_back(d ? d->sort_key() : -1, m);
  }
  std::sort(keyed.begin(), keyed.end(), [&](const auto& a, const auto& b) {
    return a.first != b.first ? a.first < b.first : at(a.second).rid < at(b.second).rid;
  });
  for (std::size_t i = 0; i < keyed.size(); ++i) out[i] = keyed[i].second;
  return out;
}

void KnowledgeBase::reserve(std::size_t n) {
  records_.reserve(n);
  by_rid_.reserve(n);
  by_key_.reserve(n);
}

void KnowledgeBase::add_all(std::vector<Record>&& records) {
  if (!records_.empty()) throw std::logic_error("KnowledgeBase::add_all: the graph has records already");
  records_ = std::move(records);
  by_rid_.reserve(records_.size());
  for (std::uint32_t i = 0; i < records_.size(); ++i) {
    records_[i].id = NodeId{i};
    index_rid(records_[i]);
    index_file(records_[i].id);
  }
}

void KnowledgeBase::index_rid(const Record& r) {
  if (r.rid.empty()) return;
  if (!by_rid_.empty() && !(records_[by_rid_.back().value].rid < r.rid)) rids_sorted_ = false;
  by_rid_.push_back(r.id);
}

NodeId KnowledgeBase::add(Record r) {
  NodeId id{static_cast<std::uint32_t>(records_.size())};
  r.id = id;
  records_.push_back(std::move(r));
  index_rid(records_.back());
  index_file(id);
  return id;
}

std::vector<std::string> KnowledgeBase::name_keys(const Record& r) {
  std::vector<std::string> keys;
  auto add_key = [&](const std::string& name) {
    std::string key = name_key(name);
    if (!key.empty() && std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(std::move(key));
  };
  add_key(r.name);
  for (const auto& a : r.aliases) add_key(a);
  return keys;
}

void KnowledgeBase::index_names(NodeId id) { index_names(id, name_keys(records_[id.value])); }

void KnowledgeBase::index_names(NodeId id, const std::vector<std::string>& keys) {
  for (const auto& key : keys) {
    auto& ids = by_key_[key];
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
  }
}

namespace {

// The nodes whose meeting lists hold meeting `r` (each once).
std::vector<NodeId> meeting_nodes(const Record& r) {
  std::vector<NodeId> out;
  if (r.type != RecordType::meeting || !r.defined) return out;
  auto add = [&](NodeId id) {
    if (id.valid() && std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
  };
  for (const auto& o : r.organizations) add(o.target);
  for (const auto& a : r.attendees) {
    add(a.person.target);
    add(a.org);
  }
  for (const auto& t : r.topics) add(t.target);
  add(r.event.target);
  return out;
}

// The organizations whose member lists hold person `r` (each once).
std::vector<NodeId> member_of(const Record& r) {
  std::vector<NodeId> out;
  if (r.type != RecordType::person) return out;
  for (const auto& a : r.entity->affiliations)
    if (a.org.target.valid() && std::find(out.begin(), out.end(), a.org.target) == out.end())
      out.push_back(a.org.target);
  return out;
}

// The node whose sub-organization (or sub-topic) list holds `r`.
std::vector<NodeId> child_of(const Record& r) {
  if ((r.type == RecordType::organization || r.type == RecordType::topic) && r.entity->parent.target.valid() &&
      r.entity->parent.target != r.id)
    return {r.entity->parent.target};
  return {};
}

bool by_date(const Record& a, const Record& b) { return a.date != b.date ? a.date < b.date : a.rid < b.rid; }

bool by_name(const Record& a, const Record& b) {
  std::string ka = fold(a.name), kb = fold(b.name);
  return ka != kb ? ka < kb : a.rid < b.rid;
}

}  // namespace

std::vector<NodeId> KnowledgeBase::lists_holding(const Record& r) {
  std::vector<NodeId> out = meeting_nodes(r);
  for (NodeId id : member_of(r))
    if (std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
  for (NodeId id : child_of(r))
    if (std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
  return out;
}

namespace {

// Calls `visit` on every node id a record holds, in every part. Each struct is taken apart by
// structured binding, so a member added to one of them fails to compile here until it is
// looked at (as in the graph codec).
template <class Visit>
void visit_ids(Record& r, Visit&& visit) {
  [[maybe_unused]] auto& [id, type, defined, rid, path, name, aliases, tags, text, mentions, date, time, timezone,
                          end_time, location, series, event, organizations, attendees, topics, minutes, actions,
                          entity, reads] = r;
  visit(id);
  visit(event.target);
  for (auto& o : organizations) visit(o.target);
  for (auto& a : attendees) {
    [[maybe_unused]] auto& [person, org, org_given, role_given, role] = a;
    visit(person.target);
    visit(org);
  }
  for (auto& t : topics) visit(t.target);
  if (mentions.present())
    for (auto& m : mentions.edit()) visit(m.target);
  if (actions.present()) {
    for (auto& a : actions.edit()) {
      [[maybe_unused]] auto& [a_text, done, due, done_on, owner, loc, cancelled, scheduled, start, created,
                              cancelled_on, priority] = a;
      visit(owner);
    }
  }
  if (entity.present()) {
    [[maybe_unused]] auto& [honorific, affiliations, parent, kind, start, end] = entity.edit();
    for (auto& a : affiliations) visit(a.org.target);
    visit(parent.target);
  }
}

}  // namespace

template <class Map>
void KnowledgeBase::renumber(Map map) {
  auto move = [&](NodeId& id) {
    if (id.valid()) id = map(id);
  };
  for (auto& r : records_) visit_ids(r, move);
  for (auto& [key, ids] : by_key_)
    for (auto& id : ids) move(id);
  for (auto& id : by_rid_) move(id);
  for (auto& [key, ids] : by_file_)
    for (auto& id : ids) move(id);
  for (NodeLists* lists : {&meetings_, &children_, &members_})
    for (auto& list : lists->used())
      for (auto& id : list) move(id);
}

bool node_before(const Record& a, const Record& b) {
  if (a.defined != b.defined) return a.defined;
  if (a.defined) return a.path.str() < b.path.str();
  if (a.type != b.type) return a.type < b.type;
  return name_key(a.name) < name_key(b.name);
}

void KnowledgeBase::insert(std::vector<Record> added) {
  if (added.empty()) return;
  std::sort(added.begin(), added.end(), node_before);
  // Where each goes among the nodes as they are (in node_before order). An old node moves up by
  // the number of new ones put before it, all in one pass over the graph.
  std::vector<std::uint32_t> before(added.size());
  for (std::size_t j = 0; j < added.size(); ++j)
    before[j] = static_cast<std::uint32_t>(
        std::partition_point(records_.begin(), records_.end(),
                             [&](const Record& x) { return node_before(x, added[j]); }) -
        records_.begin());
  renumber([&](NodeId id) {
    return NodeId{id.value + static_cast<std::uint32_t>(std::upper_bound(before.begin(), before.end(), id.value) - before.begin())};
  });
  // Merged from the back, in place.
  std::size_t old = records_.size(), out = old + added.size();
  records_.resize(out);
  for (std::size_t j = added.size(); j > 0; --j) {
    while (old > before[j - 1]) records_[--out] = std::move(records_[--old]);
    records_[--out] = std::move(added[j - 1]);
    records_[out].id = NodeId{static_cast<std::uint32_t>(out)};
  }
  for (std::size_t j = 0; j < before.size(); ++j) {
    const NodeId at{before[j] + static_cast<std::uint32_t>(j)};
    for (NodeLists* lists : {&meetings_, &children_, &members_}) lists->insert_node(at);
    const Record& rec = records_[at.value];
    if (!rec.rid.empty())
      by_rid_.insert(std::lower_bound(by_rid_.begin(), by_rid_.end(), rec.rid,
                                      [&](NodeId id, const std::string& rid) { return records_[id.value].rid < rid; }),
                     at);
    index_file(at);
    // Each name's nodes in id order, as a whole load indexes them.
    for (const auto& key : name_keys(rec)) {
      auto& ids = by_key_[key];
      ids.insert(std::lower_bound(ids.begin(), ids.end(), at), at);
    }
  }
}

void KnowledgeBase::sort_unresolved() {
  for (NodeLists* lists : {&meetings_, &children_, &members_})  // kept by node: not permuted here
    if (lists->size() > 0) throw std::logic_error("sort_unresolved: called after build_indexes");
  const auto first = static_cast<std::size_t>(
      std::partition_point(records_.begin(), records_.end(), [](const Record& r) { return r.defined; }) -
      records_.begin());
  const std::size_t n = records_.size() - first;
  std::vector<std::pair<std::pair<RecordType, std::string>, std::uint32_t>> order(n);
  for (std::size_t i = 0; i < n; ++i) {
    const Record& r = records_[first + i];
    order[i] = {{r.type, name_key(r.name)}, static_cast<std::uint32_t>(first + i)};
  }
  if (std::is_sorted(order.begin(), order.end())) return;
  std::sort(order.begin(), order.end());
  std::vector<std::uint32_t> to(records_.size());  // old id -> new id
  for (std::uint32_t i = 0; i < first; ++i) to[i] = i;
  for (std::size_t i = 0; i < n; ++i) to[order[i].second] = static_cast<std::uint32_t>(first + i);
  std::vector<Record> moved(n);
  for (std::size_t i = 0; i < n; ++i) moved[i] = std::move(records_[order[i].second]);
  std::move(moved.begin(), moved.end(), records_.begin() + static_cast<std::ptrdiff_t>(first));
  renumber([&](NodeId id) { return NodeId{to[id.value]}; });
  for (auto& [key, ids] : by_key_) std::sort(ids.begin(), ids.end());  // in id order, as index_names gives
}

void KnowledgeBase::index_lists(NodeId id) { relist(Record(), records_[id.value], id); }

void KnowledgeBase::erase(std::vector<NodeId> gone) {
  if (gone.empty()) return;
  std::sort(gone.begin(), gone.end());
  gone.erase(std::unique(gone.begin(), gone.end()), gone.end());
  auto is_gone = [&](NodeId id) { return std::binary_search(gone.begin(), gone.end(), id); };
  for (NodeId id : gone) {
    const Record& old = records_[id.value];
    relist(old, Record(), id);
    for (const auto& key : name_keys(old)) {
      auto it = by_key_.find(key);
      if (it == by_key_.end()) continue;
      it->second.erase(std::remove(it->second.begin(), it->second.end(), id), it->second.end());
      if (it->second.empty()) by_key_.erase(it);
    }
    if (auto it = by_file_.find(file_key(old.rid)); !old.rid.empty() && it != by_file_.end()) {
      it->second.erase(std::remove(it->second.begin(), it->second.end(), id), it->second.end());
      if (it->second.empty()) by_file_.erase(it);
    }
  }
  by_rid_.erase(std::remove_if(by_rid_.begin(), by_rid_.end(), is_gone), by_rid_.end());
  std::size_t kept = 0;
  for (std::size_t i = 0; i < records_.size(); ++i) {
    if (is_gone(NodeId{static_cast<std::uint32_t>(i)})) continue;
    if (kept != i) records_[kept] = std::move(records_[i]);
    ++kept;
  }
  records_.resize(kept);
  for (auto it = gone.rbegin(); it != gone.rend(); ++it)
    for (NodeLists* lists : {&meetings_, &children_, &members_}) lists->erase_node(*it);
  // A node moves down by the number of nodes taken out before it, all in one pass. An id of a
  // node taken out that is still held (an action's owner, until its meeting is settled again)
  // becomes no id.
  renumber([&](NodeId x) {
    const auto at = std::lower_bound(gone.begin(), gone.end(), x);
    if (at != gone.end() && *at == x) return NodeId{};
    return NodeId{x.value - static_cast<std::uint32_t>(at - gone.begin())};
  });
}

void KnowledgeBase::replace(NodeId id, Record r) {
  r.id = id;
  relist(records_[id.value], r, id);
  rekey(name_keys(records_[id.value]), name_keys(r), id);
  records_[id.value] = std::move(r);
}

void KnowledgeBase::rekey(const std::vector<std::string>& was, const std::vector<std::string>& now, NodeId id) {
  auto has = [](const std::vector<std::string>& keys, const std::string& k) {
    return std::find(keys.begin(), keys.end(), k) != keys.end();
  };
  for (const auto& key : was) {
    if (has(now, key)) continue;
    auto it = by_key_.find(key);
    if (it == by_key_.end()) continue;
    it->second.erase(std::remove(it->second.begin(), it->second.end(), id), it->second.end());
    if (it->second.empty()) by_key_.erase(it);
  }
  for (const auto& key : now) {
    if (has(was, key)) continue;
    auto& ids = by_key_[key];  // in id order, as a whole load indexes them
    if (!std::binary_search(ids.begin(), ids.end(), id)) ids.insert(std::lower_bound(ids.begin(), ids.end(), id), id);
  }
}

void KnowledgeBase::relist(const Record& old, const Record& r, NodeId id) {
  // Each index: the nodes whose list holds the record, and the order of those lists.
  // A list that holds the record before and after keeps it where it is if the record's place
  // in the order did not change (the busiest organization's list holds most meetings).
  struct Index {
    NodeLists& lists;
    std::vector<NodeId> (*holders)(const Record&);
    bool (*before)(const Record&, const Record&);
    bool same_place;
  };
  for (const Index& index : {Index{meetings_, meeting_nodes, by_date, old.date == r.date},
                             Index{members_, member_of, by_name, old.name == r.name},
                             Index{children_, child_of, by_name, old.name == r.name}}) {
    std::vector<NodeId> was = index.holders(old), now = index.holders(r);
    auto kept = [&](NodeId node, const std::vector<NodeId>& other) {
      return index.same_place && std::find(other.begin(), other.end(), node) != other.end();
    };
    for (NodeId node : was) {
      if (kept(node, now)) continue;
      auto& list = index.lists.edit(node);
      list.erase(std::remove(list.begin(), list.end(), id), list.end());
    }
    for (NodeId node : now) {
      if (kept(node, was)) continue;
      auto& list = index.lists.edit(node);
      list.insert(std::lower_bound(list.begin(), list.end(), id,
                                   [&](NodeId a, NodeId) { return index.before(records_[a.value], r); }),
                  id);
    }
  }
}

void KnowledgeBase::build_indexes() {
  index_rids();
  const std::size_t n = records_.size();
  meetings_.assign(n);
  children_.assign(n);
  members_.assign(n);
  for (const auto& r : records_) {
    if ((r.type == RecordType::organization || r.type == RecordType::topic) && r.entity->parent.target.valid() &&
        r.entity->parent.target != r.id)
      children_.edit(r.entity->parent.target).push_back(r.id);
    if (r.type == RecordType::person)
      for (const auto& a : r.entity->affiliations)
        if (a.org.target.valid()) {
          auto& list = members_.edit(a.org.target);
          if (list.empty() || list.back() != r.id) list.push_back(r.id);
        }
  }
  // Meetings are visited in the order their lists keep (by_date: date, then id), so every list
  // comes out sorted: one sort of the meetings instead of one of each list (a sort of the
  // busiest organization's list of most meetings, with a record lookup per comparison). Each
  // meeting's additions happen together, so a repeat can only be the last entry: checking it
  // keeps this linear (a search of the whole list made it quadratic).
  std::vector<std::uint32_t> rid_rank(n, 0);
  for (std::uint32_t i = 0; i < by_rid_.size(); ++i) rid_rank[by_rid_[i].value] = i;
  struct Visit {
    std::optional<Date> date;
    std::uint32_t rank;
    NodeId id;
  };
  std::vector<Visit> visits;
  for (const auto& r : records_)
    if (r.type == RecordType::meeting && r.defined) visits.push_back({r.date, rid_rank[r.id.value], r.id});
  std::sort(visits.begin(), visits.end(), [](const Visit& a, const Visit& b) {
    return a.date != b.date ? a.date < b.date : a.rank < b.rank;
  });
  auto add_meeting = [&](NodeId node, NodeId meeting) {
    if (!node.valid()) return;
    auto& list = meetings_.edit(node);
    if (list.empty() || list.back() != meeting) list.push_back(meeting);
  };
  for (const Visit& v : visits) {
    const Record& r = records_[v.id.value];
    for (const auto& o : r.organizations) add_meeting(o.target, r.id);
    for (const auto& a : r.attendees) {
      add_meeting(a.person.target, r.id);
      add_meeting(a.org, r.id);
    }
    for (const auto& t : r.topics) add_meeting(t.target, r.id);
    add_meeting(r.event.target, r.id);
  }
  auto by_record_name = [&](NodeId a, NodeId b) { return by_name(records_[a.value], records_[b.value]); };
  for (auto& list : children_.used()) std::sort(list.begin(), list.end(), by_record_name);
  for (auto& list : members_.used()) std::sort(list.begin(), list.end(), by_record_name);
}

}  // namespace kb
