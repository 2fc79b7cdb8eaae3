#pragma once
// Reading an iCalendar file (RFC 5545) into plain calendar events, with libical (this module's
// src/parse/ical.cpp is the one file that includes it): each event's time in a named zone
// (VTIMEZONE, IANA and Windows TZIDs, UTC), all-day events, recurrences (RRULE, EXDATE,
// RECURRENCE-ID overrides) expanded within a window, attendees and the organizer. What events
// become in a KB is calendar/'s business, not this module's.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kb/base/date.h"
#include "kb/base/diag.h"

namespace kb {

/// An attendee or the organizer, as the calendar gives them.
struct CalendarPerson {
  std::string name;   ///< the CN parameter; empty when not given
  std::string email;  ///< the mailto: address, lower case; empty when none
};

/// One event, or one occurrence of a recurring event, with its times as wall clock in `timezone`.
struct CalendarEvent {
  std::string uid;
  /// For an occurrence of a recurring event, its original start (`2024-09-09`, or
  /// `2024-09-09T10:00` in `timezone`), which stays when the occurrence is moved; else empty.
  std::string occurrence;
  std::string title;
  Date date;
  std::string time;       ///< `HH:MM`; empty for an all-day event
  int duration = 0;       ///< minutes (less than a day) when it gives an end; 0 when not
  std::string timezone;   ///< an IANA name; empty for floating time and all-day events
  std::string location;
  std::vector<CalendarPerson> attendees;  ///< rooms and resources left out
  std::optional<CalendarPerson> organizer;
  bool cancelled = false;  ///< STATUS:CANCELLED
  SourceLoc loc;           ///< its BEGIN:VEVENT line
};

struct CalendarReadOptions {
  /// The events kept: those (and the occurrences) whose start date lies in [since, until].
  Date since;
  Date until;
  /// The zone a UTC time, or a TZID that names no known zone, is converted into (kb.yaml's
  /// timezone); empty: the calendar's X-WR-TIMEZONE, else UTC.
  std::string zone;
};

/// What parse_calendar() read.
struct CalendarRead {
  std::vector<CalendarEvent> events;  ///< in start order (date, time, uid)
  int outside = 0;                    ///< events and occurrences left out by the window
};

/// Reads the calendar `text` of file `path`. A file that is not an iCalendar file or whose
/// components do not nest is one error with its line, and std::nullopt. An event kb cannot
/// use (no UID, no DTSTART, a value libical cannot read) is a warning at its BEGIN:VEVENT
/// line and is left out; the others are read.
std::optional<CalendarRead> parse_calendar(std::string_view path, std::string_view text,
                                           const CalendarReadOptions& o, DiagSink& diags);

}  // namespace kb
