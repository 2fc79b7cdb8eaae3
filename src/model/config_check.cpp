#include "kb/model/config_check.h"

#include <algorithm>

#include <fmt/format.h>

#include "kb/base/date.h"
#include "kb/base/text.h"
#include "kb/model/names.h"

namespace kb {
namespace {

// A setting's line (its value's location is after the key).
SourceLoc at_line(const Value& v) { return {v.loc.path, v.loc.line, 1}; }

std::string closest_setting(const std::string& key) {
  std::string best;
  std::size_t best_distance = 3;
  for (const std::string& k : known_settings()) {
    std::size_t d = edit_distance(to_lower_ascii(key), k, 2);
    if (d < best_distance) best = k, best_distance = d;
  }
  return best;
}

// `home:` names an organization, `me:` a person, of the KB.
void check_names(const KnowledgeBase& kb, const std::string& key, const Value& v, RecordType type, DiagSink& diags) {
  if (!v.is_scalar() || trim(v.text).empty()) return;
  const std::string name(trim(v.text));
  for (NodeId id : kb.find_by_name(name, type))
    if (kb.at(id).defined) return;
  std::vector<std::string> near = suggest_names(kb, name, type);
  const std::string noun = type_noun(type);
  const std::string hint =
      near.empty() ? fmt::format(" (add it with 'kb add {}')", type == RecordType::person ? "person" : "org")
                   : fmt::format(" (did you mean '{}'?)", near.front());
  diags.warning(v.loc, fmt::format("{} '{}' names no {} of the KB{}", key, name, noun, hint));
}

}  // namespace

const std::vector<std::string>& known_settings() {
  static const std::vector<std::string> keys{"name",      "home",    "me",         "timezone", "fields",
                                             "types",     "ignore",  "strict",     "filenames", "csv_bom",
                                             "tasks",     "honorifics", "visibility", "audiences", "audience"};
  return keys;
}

void check_config(const KnowledgeBase& kb, DiagSink& diags) {
  const Value& raw = kb.config.raw;
  for (const auto& [key, v] : raw.entries) {
    if (std::find(known_settings().begin(), known_settings().end(), key) != known_settings().end()) continue;
    const std::string near = closest_setting(key);
    diags.warning(at_line(v), fmt::format("unknown setting '{}'{}; kb ignores it", key,
                                          near.empty() ? std::string() : fmt::format(" (did you mean '{}'?)", near)));
  }
  if (const Value* home = raw.find("home")) check_names(kb, "home", *home, RecordType::organization, diags);
  if (const Value* me = raw.find("me")) check_names(kb, "me", *me, RecordType::person, diags);
  if (const Value* f = raw.find("filenames"); f && (!f->is_scalar() || (f->text != "name" && f->text != "slug")))
    diags.warning(f->loc, "filenames is 'slug' (the default) or 'name'");
  if (const Value* t = raw.find("tasks"); t && (!t->is_scalar() || (trim(t->text) != "meetings" && trim(t->text) != "all-notes")))
    diags.warning(t->loc, "tasks is 'meetings' (the default) or 'all-notes'");
  if (const Value* tz = raw.find("timezone"); tz && tz->is_scalar() && !trim(tz->text).empty() && !is_time_zone(trim(tz->text)))
    diags.warning(tz->loc,
                  fmt::format("unknown time zone '{}' (use an IANA name such as 'Europe/Paris')", trim(tz->text)));
}

}  // namespace kb
