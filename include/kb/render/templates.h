#pragma once
// The default Mustache templates, embedded in the binary at build time from templates/.

#include <string>
#include <vector>

namespace kb {

struct EmbeddedTemplate {
  const char* name;  ///< file name, e.g. "meeting.md.mustache"
  const char* text;
};

const std::vector<EmbeddedTemplate>& embedded_templates();

/// The built-in template named `name`, or nullptr.
const char* lookup_embedded_template(const std::string& name);

}  // namespace kb
