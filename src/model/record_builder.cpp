#include "kb/model/record_builder.h"

#include <algorithm>

#include "kb/base/text.h"

namespace kb {
namespace {

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
          action_links->push_back(t.links);
        }
      }
    }
    (void)errors_before;
    return true;
  }

  /// Links of each action, in the order actions were added (for owner resolution).
  std::vector<std::vector<WikiLink>>* action_links = nullptr;

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

}  // namespace

bool build_record(const KbConfig& config, const RawRecord& raw, Record& r,
                  std::vector<std::vector<WikiLink>>& action_links, DiagSink& diags) {
  RecordBuilder builder(config, diags);
  builder.action_links = &action_links;
  return builder.build(r, raw);
}

}  // namespace kb
