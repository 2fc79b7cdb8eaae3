#pragma once
// `kb init --detect`: reads the front matter of an existing vault (Obsidian, Dataview, any
// Markdown folder) and proposes the kb.yaml `fields:` and `types:` that let kb read it as it
// is. Proposes only; writing kb.yaml is the caller's.

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "kb/base/diag.h"
#include "kb/base/fs.h"
#include "kb/model/graph.h"

namespace kb {

struct DetectedMapping {
  std::map<std::string, std::string> fields;  ///< kb key -> the vault's key (or file.name)
  std::vector<TypeRule> types;                 ///< in the order they are proposed
  std::vector<std::string> ignore;             ///< kb.yaml `ignore:` globs (template folders)
  std::vector<std::string> evidence;           ///< one line per proposal: what was seen
  std::size_t notes = 0;                       ///< notes read
  std::map<RecordType, std::size_t> typed;     ///< notes of each type once the mapping applies
};

/// Proposes a mapping from the keys and values the vault's notes use, leaving out the notes
/// the KB skips (kb.yaml's `ignore:`, the vault apps' template folders and excluded files) and
/// those in a folder named for templates (`Templates`, `_templates`, `99 Templates`), which
/// it proposes as `ignore:` entries instead: type markers in
/// `categories`/`category`/`type`/`class`/`is` values (`"[[Meetings]]"`, `People`, `Companies`),
/// type-named folders below the top level (`Work/Meetings`), and kb keys written under a
/// common other name in meeting notes (`people` for attendees, `org` for organizations,
/// `loc` for location, meeting titles taken from file names). Unreadable notes are skipped;
/// nothing is reported for them (`kb check` does that).
DetectedMapping detect_mapping(FileSystem& fs);

/// The proposal as kb.yaml text (`ignore:`, `fields:` and `types:` blocks with the evidence as comments);
/// empty when there is nothing to propose.
std::string render_mapping_yaml(const DetectedMapping& m);

}  // namespace kb
