#include "kb/render/templates.h"

namespace kb {

const char* lookup_embedded_template(const std::string& name) {
  for (const auto& t : embedded_templates())
    if (name == t.name) return t.text;
  return nullptr;
}

}  // namespace kb
