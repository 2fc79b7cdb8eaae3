#include "kb/model/vault_settings.h"

#include <optional>
#include <string>

#include <fmt/format.h>

#include "kb/base/text.h"
#include "kb/parse/json.h"

namespace kb {
namespace {

// The settings file `path` as a JSON object, or nothing: missing (no warning), unreadable or
// not an object (a warning that ends with what is then `lost`).
std::optional<Value> read_settings(FileSystem& fs, const char* path, const std::string& lost, DiagSink& diags) {
  if (!fs.exists(path)) return std::nullopt;
  std::string text, err;
  if (!fs.read(path, text, err)) {
    diags.warning({path, 0, 0}, fmt::format("cannot read: {}; {}", err, lost));
    return std::nullopt;
  }
  DiagSink found;
  std::optional<Value> doc = parse_json(path, text, found);
  for (Diagnostic d : found.all()) {
    d.severity = Severity::warning;  // another app's file: kb reads on without it
    d.message += fmt::format("; {}", lost);
    diags.report(std::move(d));
  }
  if (doc && !doc->is_mapping()) {
    diags.warning(doc->loc, fmt::format("expected a JSON object; {}", lost));
    return std::nullopt;
  }
  return doc;
}

// A templates folder named by `key` in the settings file `path`.
void add_templates_folder(FileSystem& fs, const char* path, const char* key, const std::string& app,
                          IgnoreRules& rules, DiagSink& diags) {
  const std::string lost = fmt::format("{}'s templates folder is read as notes", app);
  std::optional<Value> doc = read_settings(fs, path, lost, diags);
  const Value* folder = doc ? doc->find(key) : nullptr;
  if (!folder || folder->is_null()) return;
  if (!folder->is_scalar())
    diags.warning(folder->loc, fmt::format("'{}' is not a folder name; {}", key, lost));
  else
    rules.add_folder(trim(folder->text));
}

// Obsidian's "Excluded files": path prefixes and /regular expressions/.
void add_excluded_files(FileSystem& fs, IgnoreRules& rules, DiagSink& diags) {
  const std::string lost = "Obsidian's excluded files are read as notes";
  std::optional<Value> doc = read_settings(fs, kObsidianAppSettings, lost, diags);
  const Value* filters = doc ? doc->find("userIgnoreFilters") : nullptr;
  if (!filters || filters->is_null()) return;
  if (!filters->is_sequence()) {
    diags.warning(filters->loc, fmt::format("'userIgnoreFilters' is not a list; {}", lost));
    return;
  }
  for (const auto& f : filters->items) {
    std::string error;
    if (!f.is_scalar())
      diags.warning(f.loc, "an entry of 'userIgnoreFilters' is not a string; it is left out");
    else if (!rules.add_excluded(f.text, error))
      diags.warning(f.loc, fmt::format("invalid regular expression '{}' in 'userIgnoreFilters' ({}); it is left out",
                                       f.text, error));
  }
}

}  // namespace

std::string load_tasks_filter(FileSystem& fs, DiagSink& diags) {
  const std::string lost = "every task line is read as a task";
  std::optional<Value> doc = read_settings(fs, kTasksSettings, lost, diags);
  const Value* filter = doc ? doc->find("globalFilter") : nullptr;
  if (!filter || filter->is_null()) return {};
  if (!filter->is_scalar()) {
    diags.warning(filter->loc, fmt::format("'globalFilter' is not a string; {}", lost));
    return {};
  }
  return std::string(trim(filter->text));
}

IgnoreRules load_ignore_rules(FileSystem& fs, const KbConfig& config, DiagSink& diags) {
  IgnoreRules rules;
  for (const auto& glob : config.ignore) rules.add_glob(glob);
  add_templates_folder(fs, kObsidianTemplatesSettings, "folder", "Obsidian", rules, diags);
  add_templates_folder(fs, kTemplaterSettings, "templates_folder", "Templater", rules, diags);
  add_excluded_files(fs, rules, diags);
  return rules;
}

}  // namespace kb
