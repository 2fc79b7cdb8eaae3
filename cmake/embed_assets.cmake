# Writes every file of src/serve/assets (page templates, the style sheet, the script) into a
# C++ source as raw string literals: kb serve fetches nothing at run time.
include(${CMAKE_CURRENT_LIST_DIR}/embed_files.cmake)
set(body "// Generated from src/serve/assets by cmake/embed_assets.cmake; do not edit.\n#include \"assets.h\"\n\n#include <cstring>\n\nnamespace kb::serve {\n\nconst char* lookup_asset(const std::string& name) {\n  static const struct { const char* name; const char* text; } all[] = {\n")
kb_embed_entries(body "${DIR}/*" kbasset)
string(APPEND body "  };\n  for (const auto& a : all)\n    if (name == a.name) return a.text;\n  return nullptr;\n}\n\n}  // namespace kb::serve\n")
kb_write_generated(${OUT} "${body}")
