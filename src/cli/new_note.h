#pragma once
// A new note made from its template (kb add, kb import): the front matter emitted by
// store/writer, the KB's own templates/ first, else the built-in one, and the rendered note
// read back with kb's own parser before anything is written. Private to src/cli.

#include <optional>
#include <string>
#include <vector>

#include "kb/model/graph.h"
#include "kb/query/actions.h"
#include "kb/render/mustache.h"
#include "kb/store/writer.h"
#include "session.h"

namespace kb {
class RealFileSystem;
}

namespace kb::cli {

/// A note ready to write: its front matter and what the template may show besides.
struct Draft {
  RecordType type;
  YamlOut front = YamlOut::map();
  TemplateData data;
  std::string base;  ///< path without .md
  std::size_t carried = 0;  ///< open actions of its series the template is to list ("carried")
};

/// How the KB names new notes (kb.yaml `filenames:`).
FileNames file_names(const KnowledgeBase& kb);

/// What a meeting template shows under "Before this meeting" for a meeting on `date` with
/// `subjects` (organizations and people): open actions and the last meetings with each; and,
/// for a meeting of a series, the series' open actions it carries (`carried`, under the name
/// `series`), which the open actions then leave out.
TemplateData preparation_data(const KnowledgeBase& kb, const std::vector<NodeId>& subjects, const Date& date,
                              const std::string& series = {}, const std::vector<ActionRef>& carried = {});

/// Renders `d` through its template for the note at `path` and checks that kb reads back the
/// front matter given; the text, or std::nullopt after an error naming the template.
std::optional<std::string> render_note(Session& s, RealFileSystem& fs, Draft& d, const std::string& path);

}  // namespace kb::cli
