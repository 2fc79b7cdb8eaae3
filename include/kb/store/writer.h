#pragma once
// Writing new notes (SPEC §4): front matter emitted by parse/yaml_emit.h, file names from slugs, paths that never leave
// the KB, and notes written whole without ever replacing a file (-2, -3 suffixes). What goes
// in a note's body is the template's business (cli/ and templates/), not this module's.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kb/base/fs.h"
#include "kb/parse/yaml_emit.h"

namespace kb {

/// The path of a new note without `.md`: `folder/` + (`prefix-` if any) + the slug of `title`
/// (SPEC §4: lower-case ASCII letters, digits and `-`, at most 80 characters).
/// Example: note_base_path("meetings/2024", "2024-09-02", "Visit: IESALC") ==
/// "meetings/2024/2024-09-02-visit-iesalc".
std::string note_base_path(std::string_view folder, std::string_view prefix, std::string_view title);

/// How new notes are named: kb's slug, or (kb.yaml `filenames: name`) the name itself
/// (file_name_of), with a meeting's date and a space before its title.
enum class FileNames { slug, name };

/// note_base_path() with the KB's file-name rule.
/// Example: note_base_path("people", "", "José Pérez", FileNames::name) == "people/José Pérez".
std::string note_base_path(std::string_view folder, std::string_view prefix, std::string_view title, FileNames rule);

/// Checks that `rel` is a plain relative path (no `..`, `.`, empty or absolute parts) and that
/// no folder of it that exists under `root` leads outside `root` (through a symbolic link).
/// Returns false with `error` saying why otherwise.
bool check_inside_root(const std::string& root, const std::string& rel, std::string& error);

/// Creates folder `rel` (and its parents) under `root`; false with `error` when it cannot.
bool make_folder(const std::string& root, const std::string& rel, std::string& error);

struct NewNote {
  WriteStatus status = WriteStatus::ok;  ///< ok or error
  std::string path;                      ///< the path written, relative to the KB
  std::string message;                   ///< set on error
};

/// Writes `content` at `base + ".md"`, else `base + "-2.md"`, `-3`, ... (up to `max_tries`),
/// never replacing a file, so concurrent writers each get their own path.
NewNote write_new_note(FileSystem& fs, const std::string& base, std::string_view content,
                       int max_tries = 1000);

/// The path write_new_note would pick now (for --dry-run); it may be taken by the time of
/// writing.
std::string first_free_path(FileSystem& fs, const std::string& base, int max_tries = 1000);

}  // namespace kb
