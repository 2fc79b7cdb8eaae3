#include "version.h"

#include <fmt/core.h>
#include <sqlite3.h>

#include <CLI/Version.hpp>

#include "kb/base/text.h"
#include "kb/parse/markdown.h"
#include "kb/render/output.h"

namespace kb::cli {

std::string version_text() {
  return fmt::format("kb {}\nlibraries: yaml-cpp {}, cmark-gfm {}, utf8proc {}, fmt {}.{}.{}, CLI11 {}, {}, sqlite {}",
                     KB_VERSION, KB_YAML_CPP_VERSION, markdown_library_version(), unicode_library_version(),
                     FMT_VERSION / 10000, FMT_VERSION / 100 % 100, FMT_VERSION % 100, CLI11_VERSION,
                     json_library_version(), sqlite3_libversion());
}

}  // namespace kb::cli
