// libFuzzer target: the name normalizer (name_key, fold, nfc, slugify) on any bytes.
// Built by `make fuzz` only (CMake option KB_FUZZ, clang).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "kb/base/text.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::string key = kb::name_key(text);
  kb::fold(text);
  kb::nfc(text);
  kb::display_width(text);
  kb::split_words(text);
  // Slugs are what `kb add` turns into file names: never empty, at most 80 bytes, only
  // a-z 0-9 and single inner '-'.
  std::string slug = kb::slugify(text);
  if (slug.empty() || slug.size() > 80) std::abort();
  if (slug.front() == '-' || slug.back() == '-' || slug.find("--") != std::string::npos) std::abort();
  for (char c : slug)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) std::abort();
  // A key is valid UTF-8 whenever the name was.
  if (kb::find_invalid_utf8(text) == std::string_view::npos &&
      kb::find_invalid_utf8(key) != std::string_view::npos)
    std::abort();
  if (size > 1) kb::edit_distance(text.substr(0, size / 2), text.substr(size / 2), 3);
  return 0;
}
