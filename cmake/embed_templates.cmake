# Writes every templates/*.mustache into a C++ source as raw string literals.
include(${CMAKE_CURRENT_LIST_DIR}/embed_files.cmake)
set(body "// Generated from templates/ by cmake/embed_templates.cmake; do not edit.\n#include \"kb/render/templates.h\"\n\nnamespace kb {\n\nconst std::vector<EmbeddedTemplate>& embedded_templates() {\n  static const std::vector<EmbeddedTemplate> all = {\n")
kb_embed_entries(body "${DIR}/*.mustache" kbtpl)
string(APPEND body "  };\n  return all;\n}\n\n}  // namespace kb\n")
kb_write_generated(${OUT} "${body}")
