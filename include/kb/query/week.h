#pragma once
// The date range of an ISO week, and what happened in it.

#include "kb/base/date.h"

namespace kb {

struct DateRange {
  Date first;  ///< inclusive
  Date last;   ///< inclusive
};

/// Monday to Sunday of `w`.
inline DateRange week_range(const IsoWeek& w) {
  Date monday = monday_of(w);
  return {monday, add_days(monday, 6)};
}

}  // namespace kb
