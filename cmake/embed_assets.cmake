# Writes every file of src/serve/assets (page templates, the style sheet, the script) into a
# C++ source as raw string literals: kb serve fetches nothing at run time.
file(GLOB files ${DIR}/*)
list(SORT files)
set(body "// Generated from src/serve/assets by cmake/embed_assets.cmake; do not edit.\n#include \"assets.h\"\n\n#include <cstring>\n\nnamespace kb::serve {\n\nconst char* lookup_asset(const std::string& name) {\n  static const struct { const char* name; const char* text; } all[] = {\n")
foreach(f ${files})
  get_filename_component(name ${f} NAME)
  file(READ ${f} content)
  string(APPEND body "    {\"${name}\", R\"kbasset(${content})kbasset\"},\n")
endforeach()
string(APPEND body "  };\n  for (const auto& a : all)\n    if (name == a.name) return a.text;\n  return nullptr;\n}\n\n}  // namespace kb::serve\n")
file(WRITE ${OUT}.tmp "${body}")
configure_file(${OUT}.tmp ${OUT} COPYONLY)
