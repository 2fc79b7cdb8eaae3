#pragma once
// Exports of the whole KB into other tools' formats: iCalendar (RFC 5545) for calendars,
// a SQLite database for SQL users and Datasette, and node/relationship CSV files for
// `neo4j-admin database import`. Each returns bytes; writing them to disk is the caller's.
// SQLite is reached through base/sqlite.h.

#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "kb/base/diag.h"
#include "kb/model/graph.h"

namespace kb {

struct IcsOptions {
  /// DTSTAMP of every component, as UTC `YYYYMMDDTHHMMSSZ` (the caller reads the clock, or
  /// SOURCE_DATE_EPOCH for reproducible output).
  std::string stamp;
  /// The TZif bytes of an IANA zone ("Europe/Paris"), or std::nullopt when it is unknown.
  /// Used to write each VTIMEZONE from the zone's current rules (the file's POSIX TZ footer).
  std::function<std::optional<std::string>(const std::string& tzid)> zone_data;
};

/// Writes one VCALENDAR: a VEVENT per meeting (DTSTART with TZID when the meeting's or the
/// KB's time zone is known and the meeting has a time; a DATE value for all-day meetings)
/// and a VTODO per action with a due date. Lines end in CRLF and are folded at 75 octets.
/// A time zone that cannot be read is reported to `diags` (warning) and the time is written
/// as floating local time.
void render_ics(std::ostream& out, const KnowledgeBase& kb, const IcsOptions& o, DiagSink& diags);

/// RFC 5545 TEXT escaping: `\` `;` `,` and newlines.
std::string ics_escape(std::string_view text);
/// Folds one content line (without its CRLF) at 75 octets, never inside a UTF-8 sequence;
/// returns it with CRLF line ends.
std::string ics_fold(std::string_view line);
/// The VTIMEZONE component for `tzid` from a POSIX TZ rule such as
/// `CET-1CEST,M3.5.0,M10.5.0/3`; std::nullopt when the rule cannot be read.
std::optional<std::string> ics_vtimezone(const std::string& tzid, std::string_view posix_rule);

/// The KB as an SQLite database image (tables records, attendance, affiliations, topics,
/// actions, links; see docs/exports.md). Returns std::nullopt and sets `error` on failure.
std::optional<std::string> render_sqlite(const KnowledgeBase& kb, std::string& error);

/// Node and relationship CSV files for `neo4j-admin database import full`, as
/// (file name, content) pairs, nodes first.
std::vector<std::pair<std::string, std::string>> render_neo4j(const KnowledgeBase& kb);

/// The id a record has in every export: its record id, or `unresolved:TYPE:NAME` for a name
/// that no record defines.
std::string export_id(const Record& r);


}  // namespace kb
