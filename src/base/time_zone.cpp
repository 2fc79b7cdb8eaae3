// is_time_zone(), with ICU's time-zone database (the one ICU adapter besides transliteration).
#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include "kb/base/date.h"

namespace kb {

bool is_time_zone(std::string_view id) {
  if (id.empty()) return false;
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString canonical;
  UBool system = false;
  icu::TimeZone::getCanonicalID(icu::UnicodeString::fromUTF8(icu::StringPiece(id.data(), static_cast<int32_t>(id.size()))),
                                canonical, system, status);
  return U_SUCCESS(status) && system;
}

}  // namespace kb
