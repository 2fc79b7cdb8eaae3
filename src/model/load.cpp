#include "kb/model/load.h"

#include <algorithm>
#include <map>
#include <optional>
#include <thread>

#include "kb/base/text.h"
#include "kb/model/names.h"
#include "kb/parse/record.h"

namespace kb {
namespace {

struct Parsed {
  std::optional<RawRecord> raw;
  DiagSink diags;
};

// Strips Obsidian link syntax from a name written in YAML: "[[Francesc Pedro|F.]]" -> "Francesc Pedro".
std::string clean_name(std::string_view text) {
  std::string_view t = trim(text);
  if (t.size() >= 4 && t.substr(0, 2) == "[[" && t.substr(t.size() - 2) == "]]") {
    t = t.substr(2, t.size() - 4);
    t = t.substr(0, t.find('|'));
    t = t.substr(0, t.find('#'));
  }
  return std::string(trim(t));
}

class RecordBuilder {
 public:
  RecordBuilder(const KbConfig& config, DiagSink& diags) : config_(config), diags_(diags) {}

  const Value* field(const Record& r, std::string_view key) const {
    auto it = config_.field_names.find(std::string(key));
    if (it != config_.field_names.end())
      if (const Value* v = r.fields.find(it->second)) return v;
    return r.fields.find(key);
  }

  std::string scalar(const Record& r, std::string_view key) const {
    const Value* v = field(r, key);
    return v && v->is_scalar() ? std::string(trim(v->text)) : std::string();
  }

  /// Names from a scalar or a list; an unquoted [[A]] (a nested list in YAML) is flattened
  /// with a warning. `split_commas` reads "a, b" as two names (aliases, tags).
  std::vector<std::pair<std::string, SourceLoc>> names(const Value* v, bool split_commas,
                                                       std::string_view key) {
    std::vector<std::pair<std::string, SourceLoc>> out;
    if (!v) return out;
    auto add_scalar = [&](const Value& s) {
      if (split_commas) {
        std::string_view rest = s.text;
        while (!rest.empty()) {
          std::size_t comma = rest.find(',');
          std::string part = clean_name(rest.substr(0, comma));
          if (!part.empty()) out.emplace_back(part, s.loc);
          if (comma == std::string_view::npos) break;
          rest.remove_prefix(comma + 1);
        }
      } else {
        std::string n = clean_name(s.text);
        if (!n.empty()) out.emplace_back(n, s.loc);
      }
    };
    if (v->is_scalar()) add_scalar(*v);
    if (v->is_sequence()) {
      for (const auto& item : v->items) {
        if (item.is_scalar()) add_scalar(item);
        if (item.is_sequence()) {
          // `- [[Name]]` unquoted is a list inside a list: read the name, and say so.
          const Value* inner = &item;
          while (inner->is_sequence() && inner->items.size() == 1) inner = &inner->items[0];
          if (inner->is_scalar()) {
            diags_.warning(item.loc, "unquoted [[link]] in '" + std::string(key) +
                                         "' reads as a nested list; write \"[[" + inner->text +
                                         "]]\" in quotes");
            add_scalar(*inner);
          }
        }
      }
    }
    return out;
  }

  std::optional<Date> date_field(const Record& r, std::string_view key, bool required) {
    const Value* v = field(r, key);
    if (!v || v->is_null() || (v->is_scalar() && trim(v->text).empty())) {
      if (required) diags_.error({r.path, 1, 1}, "missing required field '" + std::string(key) + "'");
      return std::nullopt;
    }
    if (!v->is_scalar()) {
      diags_.error(v->loc, "'" + std::string(key) + "' must be a date (YYYY-MM-DD)");
      return std::nullopt;
    }
    auto d = parse_date(trim(v->text));
    if (!d) diags_.error(v->loc, "invalid date '" + v->text + "' (expected YYYY-MM-DD)");
    return d;
  }

  /// Fills typed fields from front matter and body. Returns false when the record must be
  /// skipped (an error was reported).
  bool build(Record& r, const RawRecord& raw) {
    r.fields = raw.front.fields;
    r.body = raw.body;
    const std::size_t errors_before = diags_.error_count();
    // Type: `type:` first, then the first folder.
    std::string type_text = scalar(r, "type");
    std::optional<RecordType> type = type_text.empty() ? std::nullopt : parse_record_type(type_text);
    if (!type) {
      std::string folder = r.rid.substr(0, r.rid.find('/'));
      if (r.rid.find('/') != std::string::npos) type = parse_record_type(folder);
      if (type == RecordType::note) type.reset();
    }
    r.type = type.value_or(RecordType::note);

    for (auto& [a, loc] : names(field(r, "aliases"), true, "aliases")) r.aliases.push_back(a);
    for (auto& [a, loc] : names(field(r, "alias"), true, "alias")) r.aliases.push_back(a);
    for (const char* key : {"tags", "tag", "keywords"})
      for (auto& [t, loc] : names(field(r, key), true, key)) {
        std::string tag = t[0] == '#' ? t.substr(1) : t;
        if (!tag.empty() && std::find(r.tags.begin(), r.tags.end(), tag) == r.tags.end())
          r.tags.push_back(tag);
      }

    std::string stem = r.rid.substr(r.rid.rfind('/') == std::string::npos ? 0 : r.rid.rfind('/') + 1);
    if (r.type == RecordType::meeting) {
      r.name = scalar(r, "title");
      if (r.name.empty()) {
        diags_.error({r.path, 1, 1}, "missing required field 'title'");
        return false;
      }
      r.date = date_field(r, "date", true);
      if (!r.date) return false;
      if (const Value* t = field(r, "time"); t && t->is_scalar() && !trim(t->text).empty()) {
        if (auto ok = parse_time(trim(t->text))) r.time = *ok;
        else diags_.error(t->loc, "invalid time '" + t->text + "' (expected HH:MM, 24 h)");
      }
      r.timezone = scalar(r, "timezone");
      r.location = scalar(r, "location");
      if (auto ev = names(field(r, "event"), false, "event"); !ev.empty())
        r.event = NameRef{ev.front().first, ev.front().second, {}};
      for (auto& [n, loc] : names(field(r, "organizations"), false, "organizations"))
        r.organizations.push_back({n, loc, {}});
      for (auto& [n, loc] : names(field(r, "topics"), false, "topics")) r.topics.push_back({n, loc, {}});
      read_attendees(r);
    } else {
      r.name = scalar(r, "name");
      if (r.name.empty()) r.name = scalar(r, "title");
      if (r.name.empty()) r.name = stem;
    }
    if (r.type == RecordType::person) {
      r.honorific = scalar(r, "honorific");
      read_affiliations(r);
    }
    if (r.type == RecordType::organization || r.type == RecordType::topic) {
      if (auto p = names(field(r, "parent"), false, "parent"); !p.empty())
        r.parent = NameRef{p.front().first, p.front().second, {}};
      r.kind = scalar(r, "kind");
    }
    if (r.type == RecordType::event) {
      r.start = date_field(r, "start", false);
      r.end = date_field(r, "end", false);
      r.location = scalar(r, "location");
      if (r.start && r.end && *r.end < *r.start)
        diags_.error(field(r, "end")->loc, "event ends before it starts");
    }
    for (const char* key : {"title", "name"})
      if (const Value* v = field(r, key); v && v->is_scalar())
        for (char c : v->text)
          if (static_cast<unsigned char>(c) < 0x20 && c != '\t') {
            diags_.error(v->loc, "'" + std::string(key) + "' holds a control character");
            return false;
          }
    // Body facts.
    if (raw.body_parsed) {
      for (const auto& link : raw.facts.links) r.mentions.push_back({link.target, link.loc, {}});
      if (r.type == RecordType::meeting) {
        r.summary = raw.facts.summary;
        if (r.summary.empty()) r.summary = scalar(r, "summary");
        for (const auto& d : raw.facts.decisions) r.decisions.push_back({d.text, d.loc});
        for (const auto& t : raw.facts.tasks) {
          Action a;
          a.text = t.text;
          a.done = t.done;
          a.due = t.due;
          a.done_on = t.done_on;
          a.loc = t.loc;
          r.actions.push_back(std::move(a));
          pending_owner_links_.push_back(t.links);
        }
      }
    }
    (void)errors_before;
    return true;
  }

  /// Links of each action, in the order actions were added (for owner resolution).
  std::vector<std::vector<WikiLink>> pending_owner_links_;

 private:
  void read_attendees(Record& r) {
    const Value* v = field(r, "attendees");
    if (!v) return;
    if (v->is_mapping()) {
      diags_.error(v->loc, "'attendees' must be a list");
      return;
    }
    std::vector<Value> items = v->is_sequence() ? v->items : std::vector<Value>{*v};
    for (const auto& item : items) {
      Attendee a;
      if (item.is_mapping()) {
        const Value* n = item.find("name");
        if (!n || !n->is_scalar() || clean_name(n->text).empty()) {
          diags_.error(item.loc, "attendee without a 'name'");
          continue;
        }
        a.person = {clean_name(n->text), n->loc, {}};
        const Value* o = item.find("org");
        if (!o) o = item.find("organization");
        if (o && o->is_scalar() && !clean_name(o->text).empty()) a.org_inline = {clean_name(o->text), o->loc, {}};
        if (const Value* role = item.find("role"); role && role->is_scalar()) a.role_inline = std::string(trim(role->text));
        r.attendees.push_back(std::move(a));
      } else {
        Value holder;
        holder.kind = Value::Kind::sequence;
        holder.items.push_back(item);
        for (auto& [n, loc] : names(&holder, false, "attendees")) {
          Attendee plain;
          plain.person = {n, loc, {}};
          r.attendees.push_back(std::move(plain));
        }
      }
    }
  }

  void read_affiliations(Record& r) {
    const Value* v = field(r, "affiliations");
    if (v && v->is_sequence()) {
      for (const auto& item : v->items) {
        if (!item.is_mapping()) {
          diags_.error(item.loc, "an affiliation is a mapping with 'org' and 'role'");
          continue;
        }
        Affiliation a;
        const Value* o = item.find("org");
        if (!o) o = item.find("organization");
        if (!o || !o->is_scalar() || clean_name(o->text).empty()) {
          diags_.error(item.loc, "affiliation without an 'org'");
          continue;
        }
        a.org = {clean_name(o->text), o->loc, {}};
        if (const Value* role = item.find("role"); role && role->is_scalar()) a.role = std::string(trim(role->text));
        for (auto [key, slot] : {std::pair{"since", &a.since}, std::pair{"until", &a.until}}) {
          const Value* d = item.find(key);
          if (!d || d->is_null() || (d->is_scalar() && trim(d->text).empty())) continue;
          if (auto parsed = d->is_scalar() ? parse_date(trim(d->text)) : std::nullopt) *slot = parsed;
          else diags_.error(d->loc, "invalid date '" + d->text + "' (expected YYYY-MM-DD)");
        }
        r.affiliations.push_back(std::move(a));
      }
    } else if (v && !v->is_null()) {
      diags_.error(v->loc, "'affiliations' must be a list of {org, role}");
    }
    if (r.affiliations.empty()) {
      // Shorthand: `org:` and `role:` at the top level.
      const Value* o = field(r, "org");
      if (!o) o = field(r, "organization");
      if (o && o->is_scalar() && !clean_name(o->text).empty()) {
        Affiliation a;
        a.org = {clean_name(o->text), o->loc, {}};
        a.role = scalar(r, "role");
        r.affiliations.push_back(std::move(a));
      }
    }
  }

  const KbConfig& config_;
  DiagSink& diags_;
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
  return config;
}

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

  RecordBuilder builder(kb.config, diags);
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
    builder.pending_owner_links_.clear();
    if (!builder.build(r, *parsed[i].raw)) {
      result.skipped.push_back(files[i].path);
      continue;
    }
    parsed[i].raw.reset();
    NodeId id = kb.add(std::move(r));
    owner_links.resize(id.value + 1);
    owner_links[id.value] = std::move(builder.pending_owner_links_);
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
