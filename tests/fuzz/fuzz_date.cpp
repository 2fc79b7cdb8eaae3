// libFuzzer target: the date, week and time parsers, with their round trips.
// Built by `make fuzz` only (CMake option KB_FUZZ, clang).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "kb/base/date.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  if (auto d = kb::parse_date(text)) {
    // Strict: only the canonical spelling of a real date parses, and it survives every round trip.
    if (kb::to_string(*d) != text) std::abort();
    if (!kb::is_valid_date(d->year, d->month, d->day)) std::abort();
    if (kb::civil_from_days(kb::days_from_civil(*d)) != *d) std::abort();
    kb::IsoWeek w = kb::iso_week_of(*d);
    kb::Date monday = kb::monday_of(w);
    long diff = kb::days_from_civil(*d) - kb::days_from_civil(monday);
    if (diff < 0 || diff > 6 || kb::iso_weekday(*d) != diff + 1) std::abort();
    kb::long_date(*d);
  }
  if (auto w = kb::parse_iso_week(text)) {
    if (kb::iso_week_of(kb::monday_of(*w)) != *w) std::abort();
    if (kb::iso_week_of(kb::add_days(kb::monday_of(*w), 6)) != *w) std::abort();
  }
  if (auto t = kb::parse_time(text)) {
    if (*t != text || t->size() != 5 || (*t)[2] != ':') std::abort();
  }
  return 0;
}
