#include "resolver.h"

#include <algorithm>

#include <fmt/format.h>

#include "kb/base/parallel.h"
#include "kb/base/text.h"
#include "kb/model/names.h"

namespace kb {

void Resolver::resolve(NameRef& ref, RecordType type) {
  if (ref.text.empty()) return;
  const Known& known = known_name(ref.text);
  const std::string& name = *known.key;
  read(Probe::name, name);
  // The records of that name, else of that record id, else (a person) of that name and
  // organization, as a whole load finds them before it makes any unresolved node.
  NodeId first;
  std::size_t matches = kb_.count_of_type(*known.nodes, type, first, /*defined_only=*/true);
  if (matches == 0) {
    read(Probe::rid, ref.text.view());
    if (const Record* r = kb_.lookup_rid(ref.text); r && r->type == type) first = r->id, matches = 1;
  }
  if (matches != 1 && type == RecordType::person && pick_org(ref)) return;
  if (matches == 1) {
    ref.target = first;
    return;
  }
  if (matches > 1) return report_ambiguous(ref, type, name);
  // A name no record has: its unresolved node, when a patched graph has it already.
  if (patching_ && kb_.count_of_type(*known.nodes, type, first) == 1) {
    ref.target = first;
    warn_unresolved(ref, type);
    return;
  }
  if (misses_) {
    misses_->push_back({&ref, type});
    return;
  }
  if (patching_) {
    failed_ = true;
    return;
  }
  // Unresolved: one node per (type, name key), added after resolution so that references
  // into the record vector stay valid while it runs.
  auto key = std::make_pair(type, name);
  auto it = pending_ids_.find(key);
  if (it == pending_ids_.end()) {
    Record node;
    node.type = type;
    node.defined = false;
    node.name = ref.text;
    NodeId id{static_cast<std::uint32_t>(kb_.records().size() + pending_.size())};
    pending_.push_back(std::move(node));
    it = pending_ids_.emplace(key, id).first;
  }
  ref.target = it->second;
  warn_unresolved(ref, type);
}

void Resolver::report_ambiguous(const NameRef& ref, RecordType type, const std::string& key) {
  std::vector<NodeId> ids;
  for (NodeId id : kb_.find_by_key(key, type))
    if (kb_.at(id).defined) ids.push_back(id);
  std::string msg = fmt::format("ambiguous {} '{}': matches ", type_noun(type), ref.text.str());
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (i > 0) msg += i + 1 == ids.size() ? " and " : ", ";
    msg += fmt::format("'{}'", kb_.at(ids[i]).rid);
  }
  if (type == RecordType::person) msg += fmt::format(" (write '{} (ORGANIZATION)' or the record id)", ref.text.str());
  diags_.error(ref.loc, msg);
}

bool Resolver::pick_org(NameRef& ref) {
  read_pick(ref.text.view());
  auto picked = pick_by_org(kb_, ref.text.view());
  if (!picked) return false;
  ref.target = *picked;
  return true;
}

void Resolver::read_pick(std::string_view text) {
  const auto split = split_name_org(text);
  if (!split || !reads_) return;
  const std::string person = name_key(split->first);
  read(Probe::name, person);
  read(Probe::affiliations, person);
  read(Probe::name, name_key(split->second));
  for (NodeId id : kb_.find_by_key(person, RecordType::person))
    if (const Record& p = kb_.at(id); p.defined && p.entity.present())
      for (const auto& a : p.entity->affiliations) read(Probe::name, key_of(a.org.text));
}

void Resolver::check_duplicate_names(const Record& r) {
  if (!r.defined || r.type == RecordType::note || r.type == RecordType::meeting) return;
  std::vector<std::string> names{r.name};
  names.insert(names.end(), r.aliases.begin(), r.aliases.end());
  std::vector<std::string> seen;
  for (const auto& n : names) {
    const std::string& key = key_of(n);
    if (key.empty() || std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
    seen.push_back(key);
    read(Probe::name, key);
    NodeId first;
    for (NodeId id : kb_.nodes_by_key(key))
      if (const Record& o = kb_.at(id); o.defined && o.type == r.type && id < r.id && (!first.valid() || id < first))
        first = id;
    if (!first.valid()) continue;
    const Value* v = r.text.loaded() ? r.text->fields.find_property("name") : nullptr;
    const SourceLoc loc = v ? v->loc : SourceLoc{r.path, 1, 1};
    const std::string msg = fmt::format("duplicate {} name '{}' (also '{}' in '{}')", type_noun(r.type), n,
                                        kb_.at(first).name, kb_.at(first).path.str());
    // Two people may share a name (Zhang Wei at the World Bank and at UNESCO): notes tell them
    // apart as 'NAME (ORGANIZATION)' or by record id. Two organizations, topics or events of
    // one name are one written twice.
    if (r.type == RecordType::person)
      diags_.warning(loc, fmt::format("{}; name each as '{} (ORGANIZATION)' or by record id, or 'kb merge' them if "
                                      "they are one person",
                                      msg, n));
    else
      diags_.error(loc, fmt::format("{}; 'kb merge' them if they are one", msg));
  }
}

void Resolver::commit() {
  for (auto& node : pending_) kb_.index_names(kb_.add(std::move(node)));
  pending_.clear();
  known_.clear();  // the new nodes are indexed under names that held nothing before
}

Resolver::LinkMiss Resolver::link_target(const std::string& text, std::string_view from, NodeId& target) {
  std::string_view name = text;
  if (name.size() > 3 && name.substr(name.size() - 3) == ".md") name.remove_suffix(3);
  read(Probe::file, KnowledgeBase::link_file_key(text, from));
  const Record* file = kb_.lookup_file(text, from);
  if (!file) read(Probe::rid, name);
  if (const Record* r = file ? file : kb_.lookup_rid(name)) {
    target = r->id;
    return LinkMiss::none;
  }
  const Known& known = known_name(name.size() == text.size() ? text : std::string(name));
  read(Probe::name, *known.key);
  for (RecordType t : {RecordType::person, RecordType::organization, RecordType::topic, RecordType::event,
                       RecordType::meeting, RecordType::note}) {
    NodeId first;
    const std::size_t matches = kb_.count_of_type(*known.nodes, t, first, patching_);
    if (matches == 0) continue;
    if (matches > 1) return LinkMiss::ambiguous;
    target = first;
    return LinkMiss::none;
  }
  if (NameRef ref{SharedString(text), {}, {}}; pick_org(ref)) return target = ref.target, LinkMiss::none;
  return LinkMiss::unresolved;
}

void Resolver::warn_link(const std::string& text, const SourceLoc& loc, LinkMiss miss, bool embed) {
  const std::string written = fmt::format("'{}[[{}]]'", embed ? "!" : "", text);
  if (miss == LinkMiss::ambiguous)
    diags_.warning(loc, fmt::format("ambiguous {} {}", embed ? "embed" : "link", written));
  if (miss == LinkMiss::unresolved)
    diags_.warning(loc, embed ? fmt::format("missing embed {} (no note of that name)", written)
                              : fmt::format("unresolved link {}", written));
}

void Resolver::resolve_link(NameRef& ref, std::string_view from, bool embed) {
  warn_link(ref.text, ref.loc, link_target(ref.text, from, ref.target), embed);
}

namespace {

bool is_embed(const RecordSides& sides, int line, int column) {
  return std::binary_search(sides.embeds.begin(), sides.embeds.end(), std::pair(line, column));
}

}  // namespace

void Resolver::resolve_record(Record& r, RecordSides& sides) {
  std::vector<std::uint32_t>& reads = r.reads.edit();
  reads.clear();
  reads_ = &reads;
  check_duplicate_names(r);
  for (auto& o : r.organizations) resolve(o, RecordType::organization);
  for (std::size_t k = 0, g = 0; k < r.attendees.size(); ++k) {
    resolve(r.attendees[k].person, RecordType::person);
    if (g < sides.attendees.size() && sides.attendees[g].attendee == k)
      resolve(sides.attendees[g++].org, RecordType::organization);
  }
  for (auto& t : r.topics) resolve(t, RecordType::topic);
  resolve(r.event, RecordType::event);
  if (r.entity.present()) {
    EntityFields& e = r.entity.edit();
    for (auto& a : e.affiliations) resolve(a.org, RecordType::organization);
    if (r.type == RecordType::organization) resolve(e.parent, RecordType::organization);
    if (r.type == RecordType::topic) resolve(e.parent, RecordType::topic);
  }
  if (r.mentions.present())
    for (auto& m : r.mentions.edit()) resolve_link(m, r.path.str(), is_embed(sides, m.loc.line, m.loc.column));
  for (const NameRef& e : sides.attachment_embeds)
    if (!kb_.has_attachment(e.text.str(), r.path.str()))
      diags_.warning(e.loc, fmt::format("missing embed '![[{}]]' (no file of that name)", e.text.str()));
  // Packed links give the same warnings; their targets are not kept. Each distinct text is
  // resolved once, and every link with it gets its warning.
  if (sides.packed_links && !sides.packed_links->marks.empty()) {
    const RecordSides::PackedLinks& links = *sides.packed_links;
    const SharedPath path(r.path);
    std::vector<std::string> texts(links.ends.size());
    std::vector<LinkMiss> misses(links.ends.size());
    for (std::uint32_t i = 0; i < texts.size(); ++i) {
      texts[i] = links.text({i, 0, 0});
      NodeId unused;
      misses[i] = link_target(texts[i], r.path.str(), unused);
    }
    for (const auto& mark : links.marks)
      if (misses[mark.text] != LinkMiss::none)
        warn_link(texts[mark.text], SourceLoc{path, mark.line, mark.column}, misses[mark.text],
                  is_embed(sides, mark.line, mark.column));
  }
  settle_reads(reads);
  reads_ = nullptr;
}

const std::string& Resolver::key_of(const std::string& text) {
  auto it = keys_.find(text);
  if (it == keys_.end()) it = keys_.emplace(text, name_key(text)).first;
  return it->second;
}

const Resolver::Known& Resolver::known_name(const std::string& text) {
  auto it = known_.find(text);
  if (it == known_.end()) {
    const std::string& key = key_of(text);
    it = known_.emplace(text, Known{&key, &kb_.nodes_by_key(key)}).first;
  }
  return it->second;
}

void Resolver::warn_unresolved(const NameRef& ref, RecordType type) {
  diags_.warning(ref.loc,
                 fmt::format("unresolved {} '{}' (no record has this name; run 'kb add {}')", type_noun(type),
                             ref.text.str(), type == RecordType::organization ? std::string("org") : type_noun(type)));
}

void resolve_graph(KnowledgeBase& kb, std::vector<RecordSides>& sides, DiagSink& diags, unsigned threads) {
  const std::size_t n = kb.records().size();
  // Runs of records, one per thread (of at least 256 records): a Resolver remembers the names
  // it has met, and a KB names the same few thousand in note after note.
  const std::size_t runs = std::clamp<std::size_t>(n / 256, 1, std::max(1u, threads));
  struct Run {
    DiagSink diags;
    std::vector<Resolver::Miss> misses;
    std::optional<Resolver> resolver;
  };
  std::vector<Run> run(runs);
  auto first = [&](std::size_t k) { return n * k / runs; };
  parallel_for(runs, threads, [&](std::size_t k) {
    Run& r = run[k];
    r.resolver.emplace(kb, r.diags);
    r.resolver->defer_misses(&r.misses);
    for (std::size_t i = first(k); i < first(k + 1); ++i)
      r.resolver->resolve_record(kb.mutable_at(NodeId{static_cast<std::uint32_t>(i)}), sides[i]);
  });
  // The misses, in record order: each unknown name becomes a node where one thread would make it.
  DiagSink found;
  Resolver nodes(kb, found);
  for (Run& r : run)
    for (const Resolver::Miss& m : r.misses) nodes.resolve(*m.ref, m.type);
  nodes.commit();
  parallel_for(runs, threads, [&](std::size_t k) {
    for (std::size_t i = first(k); i < first(k + 1); ++i)
      settle_meeting(kb, kb.mutable_at(NodeId{static_cast<std::uint32_t>(i)}), sides[i], *run[k].resolver);
  });
  kb.sort_unresolved();  // ids that do not depend on which note named a name first
  for (Run& r : run) found.merge(std::move(r.diags));
  found.sort();
  diags.merge(std::move(found));
}

void settle_meeting(const KnowledgeBase& kb, Record& r, RecordSides& sides, Resolver& resolver) {
  // Other notes' tasks get owners too (`kb actions --all-notes`); they have no attendees.
  if (r.type != RecordType::meeting && (sides.action_links.empty() || r.actions->empty())) return;
  resolver.note_reads(&r.reads.edit());
  for (std::size_t k = 0; k < r.actions->size() && k < sides.action_links.size(); ++k)
    for (const auto& target : sides.action_links[k]) {
      NodeId owner;
      resolver.read(Probe::name, resolver.key_of(target));
      if (kb.count_by_key(resolver.key_of(target), RecordType::person, owner) == 1) {
        r.actions.edit()[k].owner = owner;
        break;
      }
    }
  for (std::size_t k = 0, g = 0; k < r.attendees.size(); ++k) {
    Attendee& a = r.attendees[k];
    a.org = NodeId{};
    a.role.clear();
    if (g < sides.attendees.size() && sides.attendees[g].attendee == k) {
      AttendeeInline& given = sides.attendees[g++];
      a.org = given.org.target;
      a.role = std::move(given.role);
    }
    a.org_given = a.org.valid();
    a.role_given = !a.role.empty();
    settle_attendee(kb, a, r.date);
  }
  settle_reads(r.reads.edit());
  resolver.note_reads(nullptr);
}

void settle_attendee(const KnowledgeBase& kb, Attendee& a, const std::optional<Date>& date) {
  if (!a.org_given) a.org = NodeId{};
  if (!a.role_given) a.role.clear();
  const Record* person = kb.lookup(a.person.target);
  if (!person || !date) return;
  for (const auto& aff : person->entity->affiliations) {
    if (!aff.current_on(*date)) continue;
    if (!a.org.valid()) a.org = aff.org.target;
    if (a.role.empty() && (a.org == aff.org.target || !a.org_given)) a.role = aff.role;
    break;
  }
}

}  // namespace kb
