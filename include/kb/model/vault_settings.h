#pragma once
// What kb takes from the settings a vault's own apps keep beside the notes: which files are not
// notes (Obsidian's Templates folder and "Excluded files", Templater's folder), together with
// kb.yaml's `ignore:` globs. The rules themselves and the walk that applies them are
// base/ignore.h's and store/'s.

#include "kb/base/diag.h"
#include "kb/base/fs.h"
#include "kb/base/ignore.h"
#include "kb/model/graph.h"

namespace kb {

/// The vault's settings files that load_ignore_rules() reads (KB-relative).
inline constexpr const char* kObsidianTemplatesSettings = ".obsidian/templates.json";
inline constexpr const char* kTemplaterSettings = ".obsidian/plugins/templater-obsidian/data.json";
inline constexpr const char* kObsidianAppSettings = ".obsidian/app.json";
/// The Tasks plugin's settings (its `globalFilter`).
inline constexpr const char* kTasksSettings = ".obsidian/plugins/obsidian-tasks-plugin/data.json";

/// The KB's ignore rules: `config.ignore` globs, the `folder` of Obsidian's templates.json,
/// the `templates_folder` of Templater's data.json and the `userIgnoreFilters` of Obsidian's
/// app.json. A settings file that is missing adds nothing; one that cannot be read or parsed,
/// or holds a value of the wrong kind, is a warning at its path (and the place in it) and its
/// rules, or that value, are left out.
IgnoreRules load_ignore_rules(FileSystem& fs, const KbConfig& config, DiagSink& diags);

/// The Tasks plugin's `globalFilter` (e.g. `#task`), or empty: none set, or the file missing
/// (a file that cannot be read or parsed is a warning, and every task line is then a task).
std::string load_tasks_filter(FileSystem& fs, DiagSink& diags);

}  // namespace kb
