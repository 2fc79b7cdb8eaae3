// libFuzzer target: the date, week and time parsers, with their round trips.
// Built by `make fuzz` only (CMake option KB_FUZZ, clang).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
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
  // A time as notes write it is always a canonical HH:MM, and every canonical one reads as itself.
  if (auto t = kb::parse_time_value(text)) {
    if (!kb::parse_time(*t)) std::abort();
  }
  if (kb::parse_time(text) && kb::parse_time_value(text) != std::optional<std::string>(text)) std::abort();
  // The hint in a date's message names a real date when it names one.
  const std::string hint = kb::expected_date(text);
  if (hint.size() > 19 && !kb::parse_date(std::string_view(hint).substr(hint.size() - 11, 10))) std::abort();
  return 0;
}
