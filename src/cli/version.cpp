#include "version.h"

#include <fmt/core.h>

#include <CLI/Version.hpp>
#ifdef KB_JEMALLOC
#include <jemalloc/jemalloc.h>
#endif

#include "kb/base/sqlite.h"
#include "kb/base/text.h"
#include "kb/parse/markdown.h"
#include "kb/render/output.h"

namespace kb::cli {
namespace {

// ", jemalloc 5.3.0 (thp: always)" when kb runs on jemalloc, with the huge-page setting in
// force (src/cli/malloc_conf.cpp, or MALLOC_CONF over it); empty on the C library's malloc.
std::string allocator_text() {
#ifdef KB_JEMALLOC
  const char* version = nullptr;
  const char* thp = nullptr;
  std::size_t size = sizeof(const char*);
  if (mallctl("version", &version, &size, nullptr, 0) != 0 || !version) return ", jemalloc";
  std::string text(version);
  text = fmt::format(", jemalloc {}", text.substr(0, text.find('-')));
  size = sizeof(const char*);
  if (mallctl("opt.thp", &thp, &size, nullptr, 0) == 0 && thp) text += fmt::format(" (thp: {})", thp);
  return text;
#else
  return {};
#endif
}

}  // namespace

std::string version_text() {
  return fmt::format("kb {}\nlibraries: yaml-cpp {}, cmark-gfm {}, utf8proc {}, fmt {}.{}.{}, CLI11 {}, {}, sqlite {}{}",
                     KB_VERSION, KB_YAML_CPP_VERSION, markdown_library_version(), unicode_library_version(),
                     FMT_VERSION / 10000, FMT_VERSION / 100 % 100, FMT_VERSION % 100, CLI11_VERSION,
                     json_library_version(), sqlite::library_version(), allocator_text());
}

}  // namespace kb::cli
