// Time zones, with ICU's time-zone database (the one ICU adapter besides transliteration):
// is_time_zone(), the wall clock of a zone at an instant, and Windows zone names (Outlook).
#include <memory>

#include <unicode/calendar.h>
#include <unicode/gregocal.h>
#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include "kb/base/date.h"

namespace kb {

namespace {

icu::UnicodeString ustr(std::string_view s) {
  return icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
}

}  // namespace

bool is_time_zone(std::string_view id) {
  if (id.empty()) return false;
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString canonical;
  UBool system = false;
  icu::TimeZone::getCanonicalID(ustr(id), canonical, system, status);
  return U_SUCCESS(status) && system;
}

std::optional<LocalDateTime> local_time_in(std::string_view zone, std::int64_t utc_seconds) {
  if (!is_time_zone(zone)) return std::nullopt;
  UErrorCode status = U_ZERO_ERROR;
  icu::GregorianCalendar cal(icu::TimeZone::createTimeZone(ustr(zone)), status);
  if (U_FAILURE(status)) return std::nullopt;
  cal.setTime(static_cast<UDate>(utc_seconds) * 1000.0, status);
  int y = cal.get(UCAL_EXTENDED_YEAR, status);
  int m = cal.get(UCAL_MONTH, status) + 1;
  int d = cal.get(UCAL_DATE, status);
  int h = cal.get(UCAL_HOUR_OF_DAY, status);
  int min = cal.get(UCAL_MINUTE, status);
  if (U_FAILURE(status) || !is_valid_date(y, m, d)) return std::nullopt;
  return LocalDateTime{Date{y, m, d}, h * 60 + min};
}

std::string zone_for_windows_name(std::string_view windows_name) {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString id;
  icu::TimeZone::getIDForWindowsID(ustr(windows_name), nullptr, id, status);
  if (U_FAILURE(status) || id.isEmpty()) return {};
  std::string out;
  id.toUTF8String(out);
  return out;
}

}  // namespace kb
