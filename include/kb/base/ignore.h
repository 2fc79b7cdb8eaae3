#pragma once
// Which files below a KB's root are not notes: hidden files and folders, the KB's own
// `templates/` folder, and the rules a vault sets (template folders, Obsidian's "Excluded
// files", kb.yaml's `ignore:` globs). The walk (store/real_fs) and its in-memory twin ask these
// rules and nothing else; reading them from the vault's settings is model/ignore.h's.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace kb {

class IgnoreRules {
 public:
  /// A name that is always skipped: it starts with '.' (`.obsidian`, `.git`, `.trash`).
  static bool hidden(std::string_view name);

  /// Skips the folder `folder` (KB-relative; leading and trailing '/' are dropped) and all
  /// below it. An empty folder adds no rule.
  void add_folder(std::string_view folder);
  /// An entry of Obsidian's "Excluded files" (`userIgnoreFilters`): `/regex/` is a regular
  /// expression (ECMAScript, as Obsidian's JavaScript) searched for in each note's path;
  /// anything else is a path prefix (`Archive/`, `Drafts`), compared as Obsidian does.
  /// Returns false and sets `error` for a regular expression that does not compile (no rule
  /// is added).
  bool add_excluded(std::string_view filter, std::string& error);
  /// A glob matched against the whole KB-relative path of a note or a folder (a folder that
  /// matches is skipped with all below it): `*` and `?` match within one name, `**` as a whole
  /// name matches any number of folders. A leading or trailing '/' is dropped.
  /// Example: `Archive/**`, `**/_drafts`, `Meetings/*.draft.md`.
  void add_glob(std::string_view glob);

  /// True when the walk skips the folder `path` (KB-relative, no trailing '/') and all below it.
  bool skips_folder(std::string_view path) const;
  /// True when the note `path` is skipped by its own path (the walk has asked for its folders).
  bool skips_file(std::string_view path) const;
  /// True when `path` is skipped, by its own path or by one of its folders (for a flat list).
  bool skips(std::string_view path) const;

  /// Every rule added, in a fixed form: equal for equal rules (part of a cache key).
  std::string key() const;

 private:
  struct Regex;
  std::vector<std::string> folders_;
  std::vector<std::string> prefixes_;
  std::vector<std::shared_ptr<const Regex>> regexes_;
  std::vector<std::string> globs_;
};

}  // namespace kb
