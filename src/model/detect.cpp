#include "kb/model/detect.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <string>
#include <optional>

#include <fmt/format.h>

#include "kb/base/text.h"
#include "kb/model/load.h"
#include "kb/model/record_builder.h"
#include "kb/model/vault_settings.h"
#include "kb/parse/markdown.h"
#include "kb/parse/front_matter.h"

namespace kb {
namespace {

// Keys that vaults use to say what a note is (not `kind`: kb reads it as an organization's kind).
constexpr const char* kMarkerKeys[] = {"categories", "category", "type", "class", "is"};

// kb's meeting keys and the other names vaults give them, most common first.
struct Synonyms {
  const char* kb_key;
  std::vector<const char*> names;
};
const std::vector<Synonyms> kMeetingSynonyms = {
    {"attendees", {"people", "participants", "attendee", "with", "who", "persons"}},
    {"organizations", {"org", "orgs", "organization", "organisation", "organisations", "company", "companies"}},
    {"location", {"loc", "place", "where", "venue"}},
    {"topics", {"topic", "subjects", "subject"}},
    {"event", {"conference", "events"}},
    {"time", {"start_time", "starttime", "start-time"}},
};

std::string clean(std::string_view text) { return std::string(link_target(text)); }

// A type named by a marker value or folder: kb's own words plus a few common ones.
std::optional<RecordType> type_word(std::string_view word) {
  std::string w = to_lower_ascii(clean(word));
  if (w == "company" || w == "companies" || w == "institutions" || w == "institution") return RecordType::organization;
  if (w == "contacts" || w == "contact") return RecordType::person;
  if (w == "calls" || w == "1:1" || w == "1-on-1s" || w == "one-on-ones") return RecordType::meeting;
  auto t = parse_record_type(w);
  if (t == RecordType::note) return std::nullopt;
  return t;
}

void scalars(const Value& v, std::vector<const Value*>& out, int depth = 0) {
  if (v.is_scalar()) out.push_back(&v);
  if (v.is_sequence() && depth < 3)
    for (const auto& i : v.items) scalars(i, out, depth + 1);
}

bool has_value(const Value* v) {
  if (!v || v->is_null()) return false;
  if (v->is_scalar()) return !trim(v->text).empty();
  return !v->items.empty() || !v->entries.empty();
}

std::string yaml_quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string yaml_key(std::string_view k) {
  bool plain = !k.empty() && std::all_of(k.begin(), k.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.';
  });
  return plain ? std::string(k) : yaml_quote(k);
}

struct Note {
  std::string rid;
  Value fields;
};

// A folder named for templates: its last word is "template(s)" or "templater", whatever comes
// before it ("Templates", "_templates", "99 - Templates", "z_Templater").
bool template_folder_name(std::string_view name) {
  std::size_t start = name.size();
  while (start > 0 && std::isalpha(static_cast<unsigned char>(name[start - 1]))) --start;
  const std::string word = to_lower_ascii(name.substr(start));
  return word == "template" || word == "templates" || word == "templater";
}

// The first folder on `path` named for templates ("Meta/Templates" for
// "Meta/Templates/Meeting.md"), or "".
std::string template_folder_of(std::string_view path) {
  for (std::size_t start = 0, slash; (slash = path.find('/', start)) != std::string_view::npos; start = slash + 1)
    if (template_folder_name(path.substr(start, slash - start))) return std::string(path.substr(0, slash));
  return "";
}

// The notes whose front matter is evidence: not those the KB skips (kb.yaml's `ignore:`, its
// apps' settings), nor those in folders named for templates, which go to `m.ignore`.
std::vector<FileInfo> notes_to_read(FileSystem& fs, DetectedMapping& m) {
  DiagSink ignored;  // `kb check` reports the settings' problems
  KbConfig config;
  std::string text, err;
  if (fs.exists("kb.yaml") && fs.read("kb.yaml", text, err)) config = parse_config("kb.yaml", text, ignored);
  std::vector<FileInfo> files = fs.list_markdown(load_ignore_rules(fs, config, ignored), ignored);
  if (std::size_t skipped = fs.list_markdown(ignored).size() - files.size(); skipped > 0)
    m.evidence.push_back(
        fmt::format("{} {} skipped already (kb.yaml's ignore, the vault's template folders and excluded files)",
                    skipped, skipped == 1 ? "note is" : "notes are"));
  std::map<std::string, std::size_t> templates;  // folder -> notes in it
  std::vector<FileInfo> kept;
  for (auto& f : files) {
    std::string folder = template_folder_of(f.path);
    if (folder.empty()) kept.push_back(std::move(f));
    else ++templates[folder];
  }
  for (const auto& [folder, count] : templates) {
    m.ignore.push_back(folder + "/**");
    m.evidence.push_back(
        fmt::format("folder '{}' holds {} {}, not notes", folder, count, count == 1 ? "template" : "templates"));
  }
  return kept;
}

}  // namespace

DetectedMapping detect_mapping(FileSystem& fs) {
  DetectedMapping m;
  DiagSink ignored;
  std::vector<Note> notes;
  for (const auto& f : notes_to_read(fs, m)) {
    std::string text, err;
    if (!fs.read(f.path, text, err)) continue;
    auto front = parse_front_matter(f.path, text, ignored);
    if (!front) continue;
    notes.push_back({f.path.substr(0, f.path.size() - 3), front->fields});
  }
  m.notes = notes.size();

  // Type markers: (key, value as written) -> count, for values that name a type. `type:` values
  // that kb reads anyway need no rule.
  struct Marker {
    std::string key, value;
    RecordType type;
    std::size_t count = 0;
  };
  std::vector<Marker> markers;
  // The type kb gives a note without any rule (`type:`, else the first folder).
  auto default_type = [](const Note& n) -> std::optional<RecordType> {
    if (const Value* v = n.fields.find_property("type"); v && v->is_scalar())
      if (auto t = parse_record_type(v->text)) return t;
    if (n.rid.find('/') == std::string::npos) return std::nullopt;
    return parse_record_type(n.rid.substr(0, n.rid.find('/')));
  };
  for (const auto& n : notes)
    for (const char* key : kMarkerKeys) {
      const Value* v = n.fields.find_property(key);
      if (!v) continue;
      std::vector<const Value*> values;
      scalars(*v, values);
      for (const Value* s : values) {
        auto t = type_word(s->text);
        if (!t) continue;
        if (std::string_view(key) == "type" && parse_record_type(trim(s->text))) continue;  // read already
        std::string written(trim(s->text));
        if (v->is_sequence() && !v->items.empty() && v->items[0].is_sequence()) written = "[[" + written + "]]";
        auto it = std::find_if(markers.begin(), markers.end(), [&](const Marker& mk) {
          return mk.key == key && name_key(clean(mk.value)) == name_key(clean(written));
        });
        if (it == markers.end()) markers.push_back({key, written, *t, 1});
        else ++it->count;
      }
    }
  for (const auto& mk : markers) {
    m.types.push_back(TypeRule{mk.type, "", mk.key, mk.value});
    m.evidence.push_back(
        fmt::format("{} {} {} '{}'", mk.count, mk.count == 1 ? "note has" : "notes have", mk.key, mk.value));
  }
  // Folders named for a type below the top level (the top level already works).
  std::map<std::string, std::pair<RecordType, std::size_t>> folders;
  for (const auto& n : notes) {
    std::size_t slash = n.rid.rfind('/');
    if (slash == std::string::npos) continue;
    std::string dir = n.rid.substr(0, slash);
    std::string last = dir.substr(dir.rfind('/') == std::string::npos ? 0 : dir.rfind('/') + 1);
    auto t = type_word(last);
    bool top = dir.find('/') == std::string::npos;
    if (!t || (top && parse_record_type(last))) continue;
    auto& slot = folders[dir];
    slot.first = *t;
    ++slot.second;
  }
  for (const auto& [dir, tc] : folders) {
    m.types.push_back(TypeRule{tc.first, dir, "", ""});
    m.evidence.push_back(fmt::format("folder '{}' holds {} {}", dir, tc.second, tc.second == 1 ? "note" : "notes"));
  }

  // Type each note as kb would with the proposed rules, then look at meeting notes' keys.
  KbConfig proposed;
  proposed.type_rules = m.types;
  std::vector<const Note*> meetings;
  for (const auto& n : notes) {
    std::optional<RecordType> t = match_type_rules(proposed, n.rid, n.fields);
    if (!t) t = default_type(n);
    RecordType type = t.value_or(RecordType::note);
    ++m.typed[type];
    if (type == RecordType::meeting) meetings.push_back(&n);
  }
  if (meetings.empty()) return m;
  auto count = [&](std::string_view key) {
    return static_cast<std::size_t>(std::count_if(meetings.begin(), meetings.end(), [&](const Note* n) {
      return has_value(n->fields.find_property(key));
    }));
  };
  std::string of = fmt::format(" of {} {}", meetings.size(), meetings.size() == 1 ? "meeting" : "meetings");
  for (const auto& syn : kMeetingSynonyms) {
    std::size_t own = count(syn.kb_key);
    const char* best = nullptr;
    std::size_t best_n = 0;
    for (const char* name : syn.names)
      if (std::size_t c = count(name); c > best_n) best = name, best_n = c;
    if (best && best_n > own) {
      m.fields[syn.kb_key] = best;
      m.evidence.push_back(
          fmt::format("{}{} use '{}' for {} ({} use '{}')", best_n, of, best, syn.kb_key, own, syn.kb_key));
    }
  }
  std::size_t titled = count("title");
  if (titled * 2 < meetings.size()) {
    m.fields["title"] = "file.name";
    m.evidence.push_back(
        fmt::format("{}{} have no 'title': their file name is the title", meetings.size() - titled, of));
  }
  return m;
}

std::string render_mapping_yaml(const DetectedMapping& m) {
  if (m.fields.empty() && m.types.empty() && m.ignore.empty()) return "";
  std::string out = fmt::format("# Proposed by 'kb init --detect' from {} notes:\n", m.notes);
  for (const auto& e : m.evidence) out += "#   " + e + "\n";
  if (!m.ignore.empty()) {
    out += "ignore:\n";
    for (const auto& glob : m.ignore) out += "  - " + yaml_quote(glob) + "\n";
  }
  if (!m.fields.empty()) {
    out += "fields:\n";
    for (const auto& [k, v] : m.fields) out += "  " + yaml_key(k) + ": " + yaml_key(v) + "\n";
  }
  if (!m.types.empty()) {
    out += "types:\n";
    for (RecordType t : {RecordType::meeting, RecordType::person, RecordType::organization, RecordType::topic,
                         RecordType::event}) {
      std::vector<std::pair<std::string, std::vector<std::string>>> keys;  // key -> values, in order
      for (const auto& r : m.types) {
        if (r.type != t) continue;
        std::string key = r.folder.empty() ? r.key : "folder";
        auto it = std::find_if(keys.begin(), keys.end(), [&](const auto& p) { return p.first == key; });
        if (it == keys.end()) keys.push_back({key, {}}), it = keys.end() - 1;
        it->second.push_back(r.folder.empty() ? r.value : r.folder);
      }
      if (keys.empty()) continue;
      out += "  " + std::string(to_string(t)) + ":\n";
      for (const auto& [k, values] : keys) {
        out += "    " + yaml_key(k) + ": ";
        if (values.size() == 1) {
          out += yaml_quote(values[0]) + "\n";
        } else {
          out += "[";
          for (std::size_t i = 0; i < values.size(); ++i) out += (i ? ", " : "") + yaml_quote(values[i]);
          out += "]\n";
        }
      }
    }
  }
  return out;
}

}  // namespace kb
