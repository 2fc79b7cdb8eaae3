#pragma once
// Calendar import (`kb import ics`): what the events of a calendar (parse/ical.h) do to a KB,
// worked out whole before anything is written. An event is known by its UID (and, for an
// occurrence of a recurring event, its original start), kept in the meeting note's front
// matter as `uid:` and `recurrence-id:`. A new event becomes a new meeting note; a known one
// whose date, time, end, time zone or place changed is updated in those front-matter fields
// only; attendees are matched to people by `email:` or by name. Rendering and writing the
// notes is the caller's (the CLI's template and no-clobber writer).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kb/model/graph.h"
#include "kb/parse/ical.h"
#include "kb/parse/yaml_emit.h"

namespace kb {

/// One front-matter field of a known meeting that the calendar changed.
struct FieldChange {
  std::string key;   ///< the key in the note (kb.yaml `fields:` applied)
  std::string from;  ///< as the note has it ("" when it has none)
  std::string to;
  bool date = false;  ///< written as a plain date
};

/// A new note: its front matter and the file it goes to (without `.md`).
struct NewRecord {
  RecordType type = RecordType::meeting;
  YamlOut front = YamlOut::map();
  std::string base;
  std::string name;  ///< a meeting's title, else the record's name
};

/// What to do with one event.
struct ImportItem {
  enum class Kind { create, update, unchanged, cancelled } kind = Kind::create;
  CalendarEvent event;
  NodeId meeting;                    ///< update, unchanged: the note that has the event
  std::vector<FieldChange> changes;  ///< update
  NewRecord note;                    ///< create
};

/// An attendee (or organizer) that no person record names, with the events naming them.
struct UnknownPerson {
  std::string name;   ///< as written in the meeting: the CN, else the e-mail address
  std::string email;  ///< empty when the calendar gives none
  int events = 0;
};

struct ImportPlan {
  std::vector<ImportItem> items;        ///< in the calendar's start order
  std::vector<UnknownPerson> unknown;   ///< in order of first appearance
  std::vector<NewRecord> people;        ///< with `create_missing`: a stub for each unknown person
  std::vector<std::string> ambiguous;   ///< names that match two person records (written as given)
};

struct ImportSettings {
  bool create_missing = false;
};

/// The plan for `events` against `kb` (loaded with each note's text: the UIDs are read from the
/// front matter). Events are matched to meetings by UID and occurrence; names to people by
/// `email:`/`emails:`, else by name or alias (also `Last, First` as `First Last`).
ImportPlan plan_import(const KnowledgeBase& kb, const std::vector<CalendarEvent>& events, const ImportSettings& s);

/// `text` (the note at `path`) with the changes made by the safe in-place front-matter edits
/// (store/front_edit.h: nothing else in the note changes); std::nullopt when a field cannot
/// be edited safely.
std::optional<std::string> apply_changes(std::string_view path, std::string_view text,
                                         const std::vector<FieldChange>& changes);

/// A duration in minutes as kb writes it: `45m`, `2h`, `1h30m`.
std::string duration_text(int minutes);

}  // namespace kb
