#include "kb/model/record_builder.h"

#include <algorithm>
#include <new>
#include <optional>
#include <span>
#include <unordered_map>

#include <fmt/format.h>

#include "kb/base/text.h"
#include "kb/model/visibility.h"
#include "kb/parse/markdown.h"

namespace kb {

void RecordSides::PackedLinks::pack(std::vector<NameRef>& mentions) {
  texts.clear();
  ends.clear();
  marks.clear();
  // A note names a few dozen things at most, each several times: a linear search of the texts
  // met so far, with a map once they are many (a generated note with thousands of links).
  constexpr std::size_t kLinearUpTo = 32;
  std::vector<std::string_view> distinct;  // into `mentions`
  distinct.reserve(mentions.size());
  std::unordered_map<std::string_view, std::uint32_t> index;
  marks.reserve(mentions.size());
  std::size_t bytes = 0;
  for (const auto& m : mentions) {
    std::uint32_t which = 0;
    if (distinct.size() > kLinearUpTo) {
      auto [it, added] = index.emplace(m.text, static_cast<std::uint32_t>(distinct.size()));
      which = it->second;
      if (added) distinct.push_back(m.text);
    } else {
      which = static_cast<std::uint32_t>(std::find(distinct.begin(), distinct.end(), m.text) - distinct.begin());
      if (which == distinct.size()) {
        distinct.push_back(m.text);
        if (distinct.size() > kLinearUpTo)
          for (std::uint32_t i = 0; i < distinct.size(); ++i) index.emplace(distinct[i], i);
      }
    }
    marks.push_back({which, m.loc.line, m.loc.column});
  }
  for (std::string_view t : distinct) bytes += t.size();
  texts.reserve(bytes);
  ends.reserve(distinct.size());
  for (std::string_view t : distinct) {
    texts += t;
    ends.push_back(static_cast<std::uint32_t>(texts.size()));
  }
  std::vector<NameRef>().swap(mentions);
}

std::string_view RecordSides::PackedLinks::text(const Mark& m) const {
  const std::uint32_t begin = m.text == 0 ? 0 : ends[m.text - 1];
  return std::string_view(texts).substr(begin, ends[m.text] - begin);
}

namespace {

// A name written in YAML, without Obsidian link syntax: "[[Francesc Pedro|F.]]" -> "Francesc Pedro".
std::string clean_name(std::string_view text) { return std::string(link_target(text)); }

// The parts of `a, b`; a comma inside [[...]] belongs to the link (`[[Smith, John]], [[Ana]]`).
std::vector<std::string_view> comma_parts(std::string_view s) {
  std::vector<std::string_view> parts;
  int depth = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s.compare(i, 2, "[[") == 0) {
      ++depth, ++i;
    } else if (s.compare(i, 2, "]]") == 0 && depth > 0) {
      --depth, ++i;
    } else if (s[i] == ',' && depth == 0) {
      parts.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  parts.push_back(s.substr(start));
  return parts;
}

// True when `v` (a scalar, or a list of them, nested lists included) holds `want` as a name:
// "[[Meetings]]", "Meetings" and "meetings" are one value.
bool holds_name(const Value& v, const std::string& want_key) {
  if (v.is_scalar()) return name_key(clean_name(v.text)) == want_key;
  if (v.is_sequence())
    return std::any_of(v.items.begin(), v.items.end(), [&](const Value& i) { return holds_name(i, want_key); });
  return false;
}

// True for a plain YAML number (`42`, `-3.5`, `1e3`): a value kb never reads as a name.
// The Tasks plugin's global filter: a task line without `filter` is no task; with it, the
// filter is not part of the task's text (the plugin leaves it out too).
bool take_filtered(const std::string& filter, std::string& text) {
  if (filter.empty()) return true;
  std::size_t begin = text.find(filter);
  if (begin == std::string::npos) return false;
  std::size_t end = begin + filter.size();
  if (end < text.size() && text[end] == ' ') ++end;
  else if (begin > 0 && text[begin - 1] == ' ') --begin;
  text.erase(begin, end - begin);
  return true;
}

bool looks_like_number(std::string_view text) {
  std::string_view t = trim(text);
  std::size_t i = 0, digits = 0;
  if (i < t.size() && (t[i] == '-' || t[i] == '+')) ++i;
  auto run = [&] {
    for (; i < t.size() && t[i] >= '0' && t[i] <= '9'; ++i) ++digits;
  };
  run();
  if (i < t.size() && t[i] == '.') ++i, run();
  if (digits > 0 && i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
    ++i;
    if (i < t.size() && (t[i] == '-' || t[i] == '+')) ++i;
    std::size_t before = digits;
    run();
    if (digits == before) return false;
  }
  return digits > 0 && i == t.size();
}

// The first `YYYY-MM-DD` in a file name (Dataview's file.day), or std::nullopt.
std::optional<std::string> day_in(std::string_view stem) {
  for (std::size_t i = 0; i + 10 <= stem.size(); ++i)
    if (auto d = parse_date(stem.substr(i, 10))) return to_string(*d);
  return std::nullopt;
}

}  // namespace

std::optional<RecordType> match_type_rules(const KbConfig& config, std::string_view rid, const Value& fields) {
  for (const auto& rule : config.type_rules) {
    if (!rule.folder.empty()) {
      std::string folder = to_lower_ascii(rule.folder);
      while (!folder.empty() && folder.back() == '/') folder.pop_back();
      if (starts_with_ci(rid, folder + "/")) return rule.type;
      continue;
    }
    if (const Value* v = fields.find_property(rule.key); v && holds_name(*v, name_key(clean_name(rule.value))))
      return rule.type;
  }
  return std::nullopt;
}

namespace {

class RecordBuilder {
 public:
  RecordBuilder(const KbConfig& config, DiagSink& diags, StringPool* names, StringPool* link_names)
      : config_(config), diags_(diags), names_(names), link_names_(link_names) {}

  /// The value of kb's `key`, read from the vault's own key where kb.yaml maps one (Dataview's
  /// implicit `file.name` and `file.day` included), else from `key` itself; property names
  /// are matched as Obsidian does, ignoring letter case (`Attendees:`).
  // `visibility:` names one of kb.yaml's levels; another word is taken as the most restricted
  // (model/visibility.h), which the writer should know.
  void check_visibility(const Record& r) {
    const Value* v = r.text->fields.find_property("visibility");
    if (!v || v->is_null() || (v->is_scalar() && level_named(config_.visibility, v->text))) return;
    diags_.warning(v->loc,
                   fmt::format("visibility '{}' is no level ({}); only the audience 'all' sees this note",
                               v->is_scalar() ? v->text : std::string("(a list)"), level_list(config_.visibility)));
  }

  const Value* field(const Record& r, std::string_view key) const {
    auto it = config_.field_names.find(std::string(key));
    if (it != config_.field_names.end()) {
      if (it->second == "file.name") return &file_name_;
      if (it->second == "file.day") return file_day_.is_null() ? nullptr : &file_day_;
      if (const Value* v = r.text->fields.find_property(it->second)) return v;
    }
    return r.text->fields.find_property(key);
  }

  /// The key a kb key is read from in this note, as written (the vault's own name when kb.yaml
  /// maps it, `Attendees` for `attendees`), for messages.
  std::string written_key(const Record& r, std::string_view key) const {
    auto it = config_.field_names.find(std::string(key));
    if (it != config_.field_names.end())
      if (std::string_view k = r.text->fields.property_name(it->second); !k.empty()) return std::string(k);
    std::string_view k = r.text->fields.property_name(key);
    return std::string(k.empty() ? key : k);
  }

  /// A meeting's end: `end:` (a time after `time:`) or `duration:` (minutes, `1h30m`, `PT1H`)
  /// from `time:`. Either without a time is a warning; both given, `end:` is read.
  void read_end(Record& r) {
    const Value* e = field(r, "end");
    const Value* d = e ? nullptr : field(r, "duration");
    const Value* v = e ? e : d;
    if (!v || !v->is_scalar() || trim(v->text).empty()) return;
    const std::string key = written_key(r, e ? "end" : "duration");
    if (r.time.empty()) {
      diags_.warning(v->loc, fmt::format("'{}' without 'time' is ignored (an all-day meeting has no end time)", key));
      return;
    }
    const int start = minutes_of_day(r.time.str());
    if (e) {
      auto end = parse_time_value(trim(e->text));
      if (!end) diags_.error(e->loc, fmt::format("invalid time '{}' (expected HH:MM, 24 h)", e->text));
      else if (minutes_of_day(*end) <= start)
        diags_.error(e->loc, fmt::format("'{}' {} is not after 'time' {} (a meeting ends on its day; give "
                                         "'duration' for one past midnight)",
                                         key, *end, r.time.str()));
      else r.end_time = shared(std::move(*end));
      return;
    }
    if (auto minutes = parse_duration(trim(d->text))) r.end_time = shared(hhmm_of(start + *minutes));
    else
      diags_.error(d->loc,
                   fmt::format("invalid duration '{}' (expected minutes, 1h30m or PT1H30M, under a day)", d->text));
  }

  std::string scalar(const Record& r, std::string_view key) const {
    const Value* v = field(r, key);
    return v && v->is_scalar() ? std::string(trim(v->text)) : std::string();
  }

  /// Names from a scalar or a list; an unquoted [[A]] (a nested list in YAML) is flattened
  /// with a warning. `split_commas` reads a string `a, b` as two names (a list field written as
  /// one string: aliases, tags, attendees, organizations, topics); an item of a YAML list is
  /// one name whatever it holds (`aliases: ["Taylor, Zoë"]`).
  std::vector<std::pair<std::string, SourceLoc>> names(const Value* v, bool split_commas,
                                                       std::string_view key) {
    std::vector<std::pair<std::string, SourceLoc>> out;
    if (!v) return out;
    auto add_scalar = [&](const Value& s, bool split) {
      if (split) {
        for (std::string_view p : comma_parts(s.text))
          if (std::string part = clean_name(p); !part.empty()) out.emplace_back(std::move(part), s.loc);
      } else {
        std::string n = clean_name(s.text);
        if (!n.empty()) out.emplace_back(std::move(n), s.loc);
      }
    };
    if (v->is_scalar()) add_scalar(*v, split_commas);
    if (v->is_sequence()) {
      for (const auto& item : v->items) {
        if (item.is_scalar()) add_scalar(item, false);
        if (item.is_sequence()) {
          // `- [[Name]]` unquoted is a list inside a list: read the name, and say so.
          const Value* inner = &item;
          while (inner->is_sequence() && inner->items.size() == 1) inner = &inner->items[0];
          if (inner->is_scalar()) {
            diags_.warning(item.loc, fmt::format("unquoted [[link]] in '{}' reads as a nested list; write \"[[{}]]\" "
                                                 "in quotes",
                                                 key, inner->text));
            add_scalar(*inner, false);
          }
        }
      }
    }
    return out;
  }

  /// False, after one error at the first bad value, when `v` cannot hold names: a mapping
  /// (`organizations: {name: X}`), or a number (`attendees: 42`) where a name or a list of
  /// names is expected. `list`: the field is a list of names (else one name); `mapping_items`:
  /// an item may be a mapping (attendees with `name:`, `org:` and `role:`). The caller then
  /// leaves the field empty: a wrong shape is never read as a name nor silently dropped.
  bool names_shape_ok(const Value* v, std::string_view key, bool list, bool mapping_items = false) {
    if (!v) return true;
    const Value* bad = nullptr;
    auto is_bad = [](const Value& x) { return x.is_mapping() || (x.is_scalar() && looks_like_number(x.text)); };
    if (is_bad(*v)) bad = v;
    if (v->is_sequence())
      for (const auto& item : v->items)
        if (!bad && is_bad(item) && !(mapping_items && item.is_mapping())) bad = &item;
    if (!bad) return true;
    diags_.error(bad->loc, fmt::format("'{}' must be {}", key, list ? "a list of names" : "a name"));
    return false;
  }

  /// The names of a list field (`organizations`, `topics`, ...), empty after an error on its
  /// shape; one string `A, B` is two names.
  std::vector<std::pair<std::string, SourceLoc>> name_list(const Record& r, std::string_view key) {
    const Value* v = field(r, key);
    std::string written = written_key(r, key);
    if (!names_shape_ok(v, written, true)) return {};
    return names(v, true, written);
  }

  /// The one name of `key` (`event`, `parent`), if any; std::nullopt after an error on its shape.
  std::optional<NameRef> single_name(const Record& r, std::string_view key) {
    const Value* v = field(r, key);
    std::string written = written_key(r, key);
    if (!names_shape_ok(v, written, false)) return std::nullopt;
    auto n = names(v, false, written);
    if (n.empty()) return std::nullopt;
    return NameRef{shared(std::move(n.front().first)), n.front().second, {}};
  }

  /// A scalar, or the names of a list joined by ", " (`loc: ["[[Paris]]"]` reads "Paris").
  std::string joined_names(const Record& r, std::string_view key) {
    const Value* v = field(r, key);
    if (v && v->is_scalar()) return clean_name(v->text);
    std::string out;
    for (auto& [n, loc] : names(v, false, written_key(r, key))) out += (out.empty() ? "" : ", ") + n;
    return out;
  }

  /// A date; `2024-09-02T14:00` (or with a space) is read as that date, and the time goes to
  /// `time_out` when given. The date is never shifted by a time zone (an offset is ignored).
  std::optional<Date> date_field(const Record& r, std::string_view key, bool required,
                                 std::string* time_out = nullptr) {
    const Value* v = field(r, key);
    if (!v || v->is_null() || (v->is_scalar() && trim(v->text).empty())) {
      if (required) diags_.error({r.path, 1, 1}, fmt::format("missing required field '{}'", key));
      return std::nullopt;
    }
    if (!v->is_scalar()) {
      diags_.error(v->loc, fmt::format("'{}' must be a date (YYYY-MM-DD)", key));
      return std::nullopt;
    }
    std::string text = clean_name(v->text);  // "[[2024-09-02]]": a link to a daily note
    std::optional<Date> d;
    if (text.size() > 10 && (text[10] == 'T' || text[10] == ' ')) {
      auto t = parse_time(std::string_view(text).substr(11, 5));
      if (t && (text.size() == 16 || text[16] == ':' || text[16] == 'Z' || text[16] == '+' || text[16] == '-')) {
        d = parse_date(std::string_view(text).substr(0, 10));
        if (d && time_out && *t != "00:00") *time_out = *t;
      }
    } else {
      d = parse_date(text);
    }
    if (!d) diags_.error(v->loc, fmt::format("invalid date '{}' ({})", v->text, expected_date(text)));
    return d;
  }

  /// Fills typed fields from front matter and body. Returns false when the record must be
  /// skipped (an error was reported).
  bool build(Record& r, RawRecord& raw) {
    // A record's id and path go into JSON, GraphML and ICS, which must be valid UTF-8: a
    // Latin-1 file name is reported (printed with its bytes as \xNN) and the note skipped.
    if (find_invalid_utf8(r.path.str()) != std::string_view::npos) {
      diags_.error({r.path, 0, 0}, "file name is not valid UTF-8 (rename the file); skipped");
      return false;
    }
    NoteText& text = r.text.edit();
    text.fields = std::move(raw.front.fields);
    text.body = std::move(raw.body);
    const std::size_t errors_before = diags_.error_count();
    std::string stem = r.rid.substr(r.rid.rfind('/') == std::string::npos ? 0 : r.rid.rfind('/') + 1);
    file_name_ = Value{Value::Kind::scalar, stem, {}, {}, {r.path, 0, 0}};
    if (auto day = day_in(stem)) file_day_ = Value{Value::Kind::scalar, *day, {}, {}, {r.path, 0, 0}};
    // Type: kb.yaml's `types:` rules, then `type:`, then the first folder.
    // A note whose front matter did not parse has no type: a plain note (issue 23).
    std::optional<RecordType> type = match_type_rules(config_, r.rid, r.text->fields);
    if (raw.front.broken) type = RecordType::note;
    // Marker keys (`categories: [[Meetings]]` unquoted) get the same warning as name fields.
    std::vector<std::string> marker_keys;
    for (const auto& rule : config_.type_rules)
      if (!rule.key.empty() && std::find(marker_keys.begin(), marker_keys.end(), rule.key) == marker_keys.end()) {
        marker_keys.push_back(rule.key);
        names(r.text->fields.find_property(rule.key), false, rule.key);
      }
    std::string type_text = scalar(r, "type");
    if (!type && !type_text.empty()) type = parse_record_type(type_text);
    if (!type) {
      std::string folder = r.rid.substr(0, r.rid.find('/'));
      if (r.rid.find('/') != std::string::npos) type = parse_record_type(folder);
      if (type == RecordType::note) type.reset();
    }
    r.type = type.value_or(RecordType::note);

    for (const char* key : {"aliases", "alias"}) {
      const Value* v = field(r, key);
      if (!names_shape_ok(v, written_key(r, key), true)) continue;
      for (auto& [a, loc] : names(v, true, written_key(r, key))) r.aliases.push_back(a);
    }
    for (const char* key : {"tags", "tag", "keywords"})
      for (auto& [t, loc] : names(field(r, key), true, written_key(r, key))) {
        std::string tag = t[0] == '#' ? t.substr(1) : t;
        if (!tag.empty() && std::find(r.tags.begin(), r.tags.end(), tag) == r.tags.end())
          r.tags.push_back(shared(std::move(tag)));
      }

    check_visibility(r);
    if (raw.body_parsed)
      for (const auto& t : raw.facts.tags)
        if (std::none_of(r.tags.begin(), r.tags.end(), [&](const std::string& x) { return fold(x) == fold(t); }))
          r.tags.push_back(shared(std::string(t)));

    if (r.type == RecordType::meeting) {
      r.name = scalar(r, "title");
      if (r.name.empty()) {
        diags_.error({r.path, 1, 1}, "missing required field 'title'");
        return false;
      }
      std::string time_in_date;
      r.date = date_field(r, "date", true, &time_in_date);
      if (!r.date) return false;
      if (!time_in_date.empty()) r.time = shared(std::move(time_in_date));
      if (const Value* t = field(r, "time"); t && t->is_scalar() && !trim(t->text).empty()) {
        if (auto ok = parse_time_value(trim(t->text))) r.time = shared(std::move(*ok));
        else diags_.error(t->loc, fmt::format("invalid time '{}' (expected HH:MM, 24 h)", t->text));
      }
      r.timezone = shared(scalar(r, "timezone"));
      read_end(r);
      r.location = shared(joined_names(r, "location"));
      r.series = shared(joined_names(r, "series"));
      if (auto ev = single_name(r, "event")) r.event = std::move(*ev);
      auto orgs = name_list(r, "organizations");
      r.organizations.reserve(orgs.size());
      for (auto& [n, loc] : orgs) r.organizations.push_back({shared(std::move(n)), loc, {}});
      auto topics = name_list(r, "topics");
      r.topics.reserve(topics.size());
      for (auto& [n, loc] : topics) r.topics.push_back({shared(std::move(n)), loc, {}});
      read_attendees(r);
    } else {
      r.name = scalar(r, "name");
      if (r.name.empty()) r.name = scalar(r, "title");
      if (r.name.empty()) r.name = stem;
    }
    if (r.type == RecordType::person) {
      r.entity.edit().honorific = scalar(r, "honorific");
      read_affiliations(r);
    }
    if (r.type == RecordType::organization || r.type == RecordType::topic) {
      EntityFields& e = r.entity.edit();
      if (auto p = single_name(r, "parent")) e.parent = std::move(*p);
      e.kind = scalar(r, "kind");
    }
    if (r.type == RecordType::event) {
      EntityFields& e = r.entity.edit();
      e.start = date_field(r, "start", false);
      e.end = date_field(r, "end", false);
      r.location = shared(joined_names(r, "location"));
      if (r.entity->start && r.entity->end && *r.entity->end < *r.entity->start)
        diags_.error(field(r, "end")->loc, "event ends before it starts");
    }
    for (const char* key : {"title", "name"})
      if (const Value* v = field(r, key); v && v->is_scalar())
        for (char c : v->text)
          if (static_cast<unsigned char>(c) < 0x20 && c != '\t') {
            diags_.error(v->loc, fmt::format("'{}' holds a control character", key));
            return false;
          }
    // Body facts.
    if (raw.body_parsed) {
      for (const auto& link : raw.facts.links)
        if (link.embed && is_attachment(link)) sides->attachment_embeds.push_back({SharedString(link.target), link.loc, {}});
      if (std::any_of(raw.facts.links.begin(), raw.facts.links.end(),
                      [](const WikiLink& l) { return !is_attachment(l); })) {
        auto& mentions = r.mentions.edit();
        mentions.reserve(mentions.size() + raw.facts.links.size());
        for (auto& link : raw.facts.links) {
          if (is_attachment(link)) continue;
          if (link.embed) sides->embeds.emplace_back(link.loc.line, link.loc.column);
          mentions.push_back({link_text(std::move(link.target)), std::move(link.loc), {}});
        }
        std::sort(sides->embeds.begin(), sides->embeds.end());
      }
      if (r.type == RecordType::meeting) {
        Minutes& out = r.minutes.edit();
        out.summary = std::move(raw.facts.summary);
        if (out.summary.empty()) out.summary = scalar(r, "summary");
        out.decisions.reserve(raw.facts.decisions.size());
        for (auto& d : raw.facts.decisions) out.decisions.push_back({std::move(d.text), std::move(d.loc)});
        read_tasks(r, raw);
      } else if (!raw.facts.tasks.empty()) {
        read_tasks(r, raw);  // listed by `kb actions --all-notes` (issue 23)
      }
    }
    (void)errors_before;
    return true;
  }

  /// Links of each action and inline details of each attendee, in order (RecordSides).
  RecordSides* sides = nullptr;

 private:
  // The body's task items (those the Tasks global filter keeps) as the note's actions, and
  // the links of each in sides->action_links, in order.
  void read_tasks(Record& r, RawRecord& raw) {
    std::vector<Action>& actions = r.actions.edit();
    actions.reserve(raw.facts.tasks.size());
    sides->action_links.reserve(raw.facts.tasks.size());
    for (auto& t : raw.facts.tasks) {
      if (!take_filtered(config_.tasks_filter, t.text)) continue;
      Action a;
      a.text = std::move(t.text);
      a.done = t.done;
      a.due = t.due;
      a.done_on = t.done_on;
      a.loc = t.loc;
      a.cancelled = t.cancelled;
      a.scheduled = t.scheduled;
      a.start = t.start;
      a.created = t.created;
      a.cancelled_on = t.cancelled_on;
      a.priority = static_cast<int>(t.priority);
      actions.push_back(std::move(a));
      // Only the targets: the owner is the first that names a person.
      std::vector<std::string> targets;
      targets.reserve(t.links.size());
      for (auto& link : t.links) targets.push_back(std::move(link.target));
      sides->action_links.push_back(std::move(targets));
    }
  }

  void read_attendees(Record& r) {
    const Value* v = field(r, "attendees");
    if (!v || !names_shape_ok(v, written_key(r, "attendees"), true, true)) return;
    if (v->is_scalar()) {  // `attendees: Ada Lovelace, Alan Turing`: one string, several names
      for (auto& [n, loc] : names(v, true, written_key(r, "attendees"))) {
        Attendee plain;
        plain.person = {shared(std::move(n)), loc, {}};
        r.attendees.push_back(std::move(plain));
      }
      return;
    }
    // The list's items, or the one value: read in place (a copy of a meeting's attendee
    // tree per note was a tenth of the typing's allocations).
    const std::span<const Value> items = v->is_sequence() ? std::span<const Value>(v->items) : std::span<const Value>(v, 1);
    r.attendees.reserve(items.size());
    for (const auto& item : items) {
      Attendee a;
      if (item.is_mapping()) {
        const Value* n = item.find_property("name");
        if (!n || !n->is_scalar() || clean_name(n->text).empty()) {
          diags_.error(item.loc, "attendee without a 'name'");
          continue;
        }
        a.person = {shared(clean_name(n->text)), n->loc, {}};
        AttendeeInline given;
        const Value* o = item.find_property("org");
        if (!o) o = item.find_property("organization");
        if (o && o->is_scalar() && !clean_name(o->text).empty()) given.org = {shared(clean_name(o->text)), o->loc, {}};
        if (const Value* role = item.find_property("role"); role && role->is_scalar()) given.role = shared(std::string(trim(role->text)));
        given.attendee = r.attendees.size();
        r.attendees.push_back(std::move(a));
        if (!given.org.text.empty() || !given.role.empty()) sides->attendees.push_back(std::move(given));
      } else if (item.is_scalar()) {  // what names() gives for one scalar, without its list
        if (std::string n = clean_name(item.text); !n.empty()) {
          Attendee plain;
          plain.person = {shared(std::move(n)), item.loc, {}};
          r.attendees.push_back(std::move(plain));
        }
      } else {
        Value holder;  // a nested list: read as one item of a list, which says how to write it
        holder.kind = Value::Kind::sequence;
        holder.items.push_back(item);
        for (auto& [n, loc] : names(&holder, false, written_key(r, "attendees"))) {
          Attendee plain;
          plain.person = {shared(std::move(n)), loc, {}};
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
        const Value* o = item.find_property("org");
        if (!o) o = item.find_property("organization");
        if (!o || !o->is_scalar() || clean_name(o->text).empty()) {
          diags_.error(item.loc, "affiliation without an 'org'");
          continue;
        }
        a.org = {shared(clean_name(o->text)), o->loc, {}};
        if (const Value* role = item.find_property("role"); role && role->is_scalar()) a.role = shared(std::string(trim(role->text)));
        for (auto [key, slot] : {std::pair{"since", &a.since}, std::pair{"until", &a.until}}) {
          const Value* d = item.find_property(key);
          if (!d || d->is_null() || (d->is_scalar() && trim(d->text).empty())) continue;
          if (auto parsed = d->is_scalar() ? parse_date(trim(d->text)) : std::nullopt) *slot = parsed;
          else diags_.error(d->loc, fmt::format("invalid date '{}' ({})", d->text, expected_date(trim(d->text))));
        }
        r.entity.edit().affiliations.push_back(std::move(a));
      }
    } else if (v && !v->is_null()) {
      diags_.error(v->loc, "'affiliations' must be a list of {org, role}");
    }
    if (r.entity->affiliations.empty()) {
      // Shorthand: `org:` and `role:` at the top level; `org: ["[[A]]", "[[B]]"]` as in
      // Obsidian vaults gives one affiliation per organization.
      const Value* o = field(r, "org");
      const char* key = "org";
      if (!o) o = field(r, "organization"), key = "organization";
      if (!names_shape_ok(o, key, true)) return;
      for (auto& [n, loc] : names(o, false, key)) {
        Affiliation a;
        a.org = {shared(std::move(n)), loc, {}};
        a.role = shared(scalar(r, "role"));
        r.entity.edit().affiliations.push_back(std::move(a));
      }
    }
  }

  // `![[diagram.png]]`, `[[report.pdf]]`: files, not records.
  // A link to a file that is no note: not a mention. An embed `![[x.any]]` of any extension but
  // `.md` (resolving checks that the file is there); a link `[[x.pdf]]` of the usual attachment
  // kinds (`[[v1.2]]`, `[[Dr. Smith]]` are notes).
  static bool is_attachment(const WikiLink& link) {
    const std::string ext = to_lower_ascii(file_extension(link.target));
    if (ext.empty() || ext == "md") return false;
    if (link.embed) return true;
    for (const char* a : {"png", "jpg", "jpeg", "gif", "svg", "webp", "bmp", "pdf", "mp3", "mp4", "webm",
                          "wav", "m4a", "ogg", "mov", "canvas", "excalidraw", "csv", "docx", "xlsx", "pptx"})
      if (ext == a) return true;
    return false;
  }

  // A name's (or a role's, tag's, time's, time zone's or place's) text, one string for every equal
  // text when building with a pool.
  SharedString shared(std::string&& text) { return names_ ? names_->get(std::move(text)) : SharedString(std::move(text)); }
  SharedString link_text(std::string&& text) {
    return link_names_ ? link_names_->get(std::move(text)) : SharedString(std::move(text));
  }

  const KbConfig& config_;
  DiagSink& diags_;
  StringPool* names_;
  StringPool* link_names_;
  Value file_name_;
  Value file_day_;
};

}  // namespace

bool build_record(const KbConfig& config, RawRecord&& raw, Record& r, RecordSides& sides, DiagSink& diags,
                  StringPool* names, StringPool* link_names) {
  RecordBuilder builder(config, diags, names, link_names);
  builder.sides = &sides;
  // Memory runs out: this note is skipped with an error, and the load goes on (an exception
  // from a loading thread would end the process).
  try {
    return builder.build(r, raw);
  } catch (const std::bad_alloc&) {
    diags.error({r.path, 0, 0}, "out of memory while reading this note; skipped");
    return false;
  }
}

bool check_note_text(const KbConfig& config, std::string_view path, std::string_view text, DiagSink& diags) {
  auto raw = parse_record(path, text, diags);
  if (!raw) return false;
  Record r;
  r.path = SharedPath(path);
  r.rid = record_id(path);
  RecordSides sides;
  return build_record(config, std::move(*raw), r, sides, diags) && !diags.has_errors();
}

std::optional<Record> read_whole_note(FileSystem& fs, const KbConfig& config, const Record& r) {
  std::string content, err;
  if (!fs.read(r.path.str(), content, err)) return std::nullopt;
  DiagSink diags;
  std::optional<RawRecord> raw = parse_record(r.path.str(), content, diags, BodyParse::all);
  if (!raw) return std::nullopt;
  // A KB loaded for an audience shows it a note as the load did: without the lines above it.
  std::size_t withheld_lines = 0;
  if (config.audience_max && !AudienceFilter(config.visibility, *config.audience_max).apply(*raw, withheld_lines))
    return std::nullopt;
  Record out;
  out.path = r.path;
  out.rid = r.rid;
  RecordSides sides;
  if (!build_record(config, std::move(*raw), out, sides, diags)) return std::nullopt;
  return out;
}

}  // namespace kb
