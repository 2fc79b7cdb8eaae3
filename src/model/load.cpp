#include "kb/model/load.h"

#include <algorithm>
#include <map>
#include <optional>
#include <thread>

#include "kb/base/text.h"
#include "kb/model/names.h"
#include "kb/model/record_builder.h"
#include "kb/parse/record.h"

namespace kb {
namespace {

struct Parsed {
  std::optional<RawRecord> raw;
  DiagSink diags;
};

class Resolver {
 public:
  Resolver(KnowledgeBase& kb, DiagSink& diags) : kb_(kb), diags_(diags) {}

  /// Resolves `ref` to a node of `type`; a name nothing defines becomes an undefined node.
  void resolve(NameRef& ref, RecordType type) {
    if (ref.text.empty()) return;
    auto ids = kb_.find_by_name(ref.text, type);
    if (ids.empty())
      if (const Record* r = kb_.lookup_rid(ref.text); r && r->type == type) ids.push_back(r->id);
    if (ids.size() == 1) {
      ref.target = ids.front();
      if (!kb_.at(ref.target).defined) warn_unresolved(ref, type);
      return;
    }
    if (ids.size() > 1) {
      std::string msg = "ambiguous " + type_noun(type) + " '" + ref.text + "': matches ";
      for (std::size_t i = 0; i < ids.size(); ++i) {
        if (i > 0) msg += i + 1 == ids.size() ? " and " : ", ";
        msg += "'" + kb_.at(ids[i]).rid + "'";
      }
      diags_.error(ref.loc, msg);
      return;
    }
    // Unresolved: one node per (type, name key), added after resolution so that references
    // into the record vector stay valid while it runs.
    auto key = std::make_pair(type, name_key(ref.text));
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

  /// Adds the unresolved nodes; REQUIRES: no record was added since resolution started.
  void commit() {
    for (auto& node : pending_) kb_.index_names(kb_.add(std::move(node)));
    pending_.clear();
  }

  /// A body link: the first type (person, organization, topic, event, meeting, note) with a
  /// match wins; a record id or path works too.
  void resolve_link(NameRef& ref) {
    std::string target = ref.text;
    if (target.size() > 3 && target.substr(target.size() - 3) == ".md") target.resize(target.size() - 3);
    if (const Record* r = kb_.lookup_rid(target)) {
      ref.target = r->id;
      return;
    }
    for (RecordType t : {RecordType::person, RecordType::organization, RecordType::topic,
                         RecordType::event, RecordType::meeting, RecordType::note}) {
      auto ids = kb_.find_by_name(target, t);
      if (ids.empty()) continue;
      if (ids.size() == 1) ref.target = ids.front();
      else diags_.warning(ref.loc, "ambiguous link '[[" + ref.text + "]]'");
      return;
    }
    diags_.warning(ref.loc, "unresolved link '[[" + ref.text + "]]'");
  }

 private:
  void warn_unresolved(const NameRef& ref, RecordType type) {
    diags_.warning(ref.loc, "unresolved " + type_noun(type) + " '" + ref.text + "' (no record has this name; run 'kb add " +
                                (type == RecordType::organization ? std::string("org") : type_noun(type)) + "')");
  }

  KnowledgeBase& kb_;
  DiagSink& diags_;
  std::vector<Record> pending_;
  std::map<std::pair<RecordType, std::string>, NodeId> pending_ids_;
};

void check_duplicate_names(const KnowledgeBase& kb, DiagSink& diags) {
  std::map<std::pair<RecordType, std::string>, NodeId> first;
  for (const auto& r : kb.records()) {
    if (!r.defined || r.type == RecordType::note || r.type == RecordType::meeting) continue;
    std::vector<std::string> names{r.name};
    names.insert(names.end(), r.aliases.begin(), r.aliases.end());
    std::vector<std::string> seen_keys;
    for (const auto& n : names) {
      std::string key = name_key(n);
      if (key.empty() || std::find(seen_keys.begin(), seen_keys.end(), key) != seen_keys.end()) continue;
      seen_keys.push_back(key);
      auto [it, inserted] = first.emplace(std::make_pair(r.type, key), r.id);
      if (!inserted) {
        const Value* v = r.fields.find("name");
        SourceLoc loc = v ? v->loc : SourceLoc{r.path, 1, 1};
        diags.error(loc, "duplicate " + type_noun(r.type) + " name '" + n + "' (also '" +
                             kb.at(it->second).name + "' in '" + kb.at(it->second).path + "')");
      }
    }
  }
}

}  // namespace

KbConfig parse_config(std::string_view path, std::string_view text, DiagSink& diags) {
  KbConfig config;
  auto doc = parse_yaml_document(path, text, diags);
  if (!doc) return config;
  if (doc->is_null()) return config;
  if (!doc->is_mapping()) {
    diags.error({std::string(path), 1, 1}, "kb.yaml must be a mapping of settings");
    return config;
  }
  config.raw = *doc;
  auto get = [&](std::string_view key) {
    const Value* v = doc->find(key);
    return v && v->is_scalar() ? std::string(trim(v->text)) : std::string();
  };
  config.name = get("name");
  config.home = get("home");
  config.timezone = get("timezone");
  if (const Value* fields = doc->find("fields"); fields && fields->is_mapping())
    for (const auto& [k, v] : fields->entries)
      if (v.is_scalar()) config.field_names[k] = v.text;
  // `types: {meeting: {categories: "[[Meetings]]", folder: Calendar}}`: how a vault marks
  // each type; `folder` is a folder, any other key a front-matter key; a list means any of.
  if (const Value* types = doc->find("types"); types && !types->is_null()) {
    if (!types->is_mapping()) diags.error(types->loc, "'types' must map a type to its markers");
    for (const auto& [name, markers] : types->is_mapping() ? types->entries : decltype(types->entries){}) {
      auto type = parse_record_type(name);
      if (!type || *type == RecordType::note || !markers.is_mapping()) {
        diags.error(markers.loc, "invalid 'types' entry '" + name +
                                     "' (expected meeting, person, organization, topic or event, each mapping keys to values)");
        continue;
      }
      for (const auto& [key, v] : markers.entries) {
        std::vector<const Value*> values;
        if (v.is_scalar()) values.push_back(&v);
        for (const auto& item : v.items)
          if (item.is_scalar()) values.push_back(&item);
        for (const Value* value : values) {
          TypeRule rule;
          rule.type = *type;
          (key == "folder" ? rule.folder : rule.value) = std::string(trim(value->text));
          if (key != "folder") rule.key = key;
          config.type_rules.push_back(std::move(rule));
        }
      }
    }
  }
  return config;
}

std::uint32_t cache_format_version() { return kRecordFormatVersion; }

LoadResult load_kb(FileSystem& fs, const LoadOptions& options) {
  LoadResult result;
  DiagSink& diags = result.diags;
  KnowledgeBase& kb = result.kb;

  if (fs.exists("kb.yaml")) {
    std::string text, err;
    if (fs.read("kb.yaml", text, err)) kb.config = parse_config("kb.yaml", text, diags);
    else diags.error({"kb.yaml", 0, 0}, "cannot read: " + err);
  }

  std::vector<FileInfo> files = fs.list_markdown(diags);
  result.files = files.size();
  std::vector<Parsed> parsed(files.size());
  unsigned threads = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  threads = std::min<unsigned>(threads, std::max<std::size_t>(1, files.size() / 64));
  auto work = [&](unsigned t) {
    std::string text, err;
    for (std::size_t i = t; i < files.size(); i += threads) {
      if (!fs.read(files[i].path, text, err)) {
        parsed[i].diags.error({files[i].path, 0, 0}, "cannot read file: " + err);
        continue;
      }
      parsed[i].raw = parse_record(files[i].path, text, parsed[i].diags, true);
    }
  };
  if (threads <= 1) {
    work(0);
  } else {
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < threads; ++t) pool.emplace_back(work, t);
    for (auto& th : pool) th.join();
  }

  std::vector<std::vector<std::vector<WikiLink>>> owner_links;  // per node
  for (std::size_t i = 0; i < files.size(); ++i) {
    diags.merge(parsed[i].diags);
    if (!parsed[i].raw) {
      result.skipped.push_back(files[i].path);
      continue;
    }
    Record r;
    r.path = files[i].path;
    r.rid = nfc(r.path.substr(0, r.path.size() - 3));
    std::vector<std::vector<WikiLink>> action_links;
    if (!build_record(kb.config, *parsed[i].raw, r, action_links, diags)) {
      result.skipped.push_back(files[i].path);
      continue;
    }
    parsed[i].raw.reset();
    NodeId id = kb.add(std::move(r));
    owner_links.resize(id.value + 1);
    owner_links[id.value] = std::move(action_links);
    kb.index_names(id);
  }
  check_duplicate_names(kb, diags);

  // Resolve every reference. Records are visited in path order, so unresolved nodes are
  // created in a fixed order.
  Resolver resolver(kb, diags);
  const std::size_t defined_count = kb.records().size();
  for (std::size_t i = 0; i < defined_count; ++i) {
    Record& r = kb.mutable_at(NodeId{static_cast<std::uint32_t>(i)});
    for (auto& o : r.organizations) resolver.resolve(o, RecordType::organization);
    for (auto& a : r.attendees) {
      resolver.resolve(a.person, RecordType::person);
      resolver.resolve(a.org_inline, RecordType::organization);
    }
    for (auto& t : r.topics) resolver.resolve(t, RecordType::topic);
    resolver.resolve(r.event, RecordType::event);
    for (auto& a : r.affiliations) resolver.resolve(a.org, RecordType::organization);
    if (r.type == RecordType::organization) resolver.resolve(r.parent, RecordType::organization);
    if (r.type == RecordType::topic) resolver.resolve(r.parent, RecordType::topic);
    for (auto& m : r.mentions) resolver.resolve_link(m);
  }
  resolver.commit();
  // Owners, and each attendee's organization on the meeting date.
  for (std::size_t i = 0; i < defined_count; ++i) {
    NodeId id{static_cast<std::uint32_t>(i)};
    Record& r = kb.mutable_at(id);
    if (r.type != RecordType::meeting) continue;
    for (std::size_t k = 0; k < r.actions.size() && i < owner_links.size() && k < owner_links[i].size(); ++k)
      for (const auto& link : owner_links[i][k]) {
        auto ids = kb.find_by_name(link.target, RecordType::person);
        if (ids.size() == 1) {
          r.actions[k].owner = ids.front();
          break;
        }
      }
    for (auto& a : r.attendees) {
      a.org = a.org_inline.target;
      a.role = a.role_inline;
      const Record* person = kb.lookup(a.person.target);
      if (!person || !r.date) continue;
      for (const auto& aff : person->affiliations) {
        if (!aff.current_on(*r.date)) continue;
        if (!a.org.valid()) a.org = aff.org.target;
        if (a.role.empty() && (a.org == aff.org.target || !a.org_inline.target.valid())) a.role = aff.role;
        break;
      }
    }
  }
  kb.build_indexes();
  diags.sort();
  return result;
}

}  // namespace kb
