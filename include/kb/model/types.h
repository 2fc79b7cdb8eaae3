#pragma once
// The typed records of a knowledge base: meetings, people, organizations, topics, events and
// plain notes, with every name reference kept next to where it was written and what it
// resolved to. Records are built by load_kb() and read through KnowledgeBase.

#include <compare>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kb/base/date.h"
#include "kb/base/diag.h"
#include "kb/parse/front_matter.h"

namespace kb {

enum class RecordType { note, meeting, person, organization, topic, event };

/// "note", "meeting", "person", "organization", "topic", "event".
std::string_view to_string(RecordType t);
inline auto format_as(RecordType t) { return to_string(t); }
/// Accepts the names above, plurals, and "org"/"orgs"; std::nullopt otherwise.
std::optional<RecordType> parse_record_type(std::string_view text);
/// The folder a type's records live in by default ("meetings", "people", "orgs", ...).
std::string_view default_folder(RecordType t);

/// Index of a node in KnowledgeBase::records(); a strong type so it is never mixed with counts.
struct NodeId {
  std::uint32_t value = UINT32_MAX;
  bool valid() const { return value != UINT32_MAX; }
  auto operator<=>(const NodeId&) const = default;
};

/// A name as written in a field or link, and the node it resolved to (invalid: ambiguous).
struct NameRef {
  std::string text;
  SourceLoc loc;
  NodeId target;
};

struct Affiliation {
  NameRef org;
  std::string role;
  std::optional<Date> since;
  std::optional<Date> until;
  /// True when the affiliation holds on `d` (open ends hold forever).
  bool current_on(const Date& d) const {
    return (!since || *since <= d) && (!until || d <= *until);
  }
};

struct Attendee {
  NameRef person;
  NodeId org;              ///< the `org:` given in the meeting, else the affiliation current on its date
  bool org_given = false;  ///< `org` is the one given in the meeting
  bool role_given = false;  ///< `role` is the one given in the meeting
  std::string role;        ///< the `role:` given in the meeting, else the role of that affiliation
};

/// What a meeting gives about one attendee besides the name (`- name: ... org: ... role: ...`),
/// as written: read when the graph is built, and then only its outcome is kept in Attendee.
struct AttendeeInline {
  std::size_t attendee = 0;  ///< which of the meeting's attendees (an index into Record::attendees)
  NameRef org;  ///< text empty when not given
  std::string role;
};

struct Action {
  std::string text;
  bool done = false;
  std::optional<Date> due;
  std::optional<Date> done_on;
  NodeId owner;  ///< the first wikilink that resolves to a person
  SourceLoc loc;
  // Obsidian Tasks fields (see TaskItem); `done` stays false for a cancelled item.
  bool cancelled = false;
  std::optional<Date> scheduled;
  std::optional<Date> start;
  std::optional<Date> created;
  std::optional<Date> cancelled_on;
  int priority = 0;  ///< TaskPriority as a number: 0 none ... 5 highest

  /// Still to do: neither done nor cancelled (`- [-]`).
  bool is_open() const { return !done && !cancelled; }
};

struct DecisionItem {
  std::string text;
  SourceLoc loc;
};

struct Record {
  NodeId id;
  RecordType type = RecordType::note;
  bool defined = true;     ///< false: a name that no record defines (an unresolved node)
  std::string rid;         ///< "meetings/2024/2024-09-02-x"; empty when not defined
  SharedPath path;         ///< the file, from the KB folder (rid + ".md"), shared with every location in it
  std::string name;        ///< canonical name (a meeting's title)
  std::vector<std::string> aliases;
  Value fields;            ///< the front matter as written (mapping)
  std::string body;        ///< Markdown after the front matter
  std::vector<std::string> tags;
  std::vector<NameRef> mentions;  ///< [[wikilinks]] in the body

  // meeting
  std::optional<Date> date;
  std::string time;
  std::string timezone;
  std::string location;
  NameRef event;
  std::vector<NameRef> organizations;
  std::vector<Attendee> attendees;
  std::vector<NameRef> topics;
  std::string summary;
  std::vector<DecisionItem> decisions;
  std::vector<Action> actions;

  // person
  std::string honorific;
  std::vector<Affiliation> affiliations;

  // organization, topic
  NameRef parent;
  std::string kind;

  // event
  std::optional<Date> start;
  std::optional<Date> end;
};

/// The record id of the note at `path` ("meetings/x.md" -> "meetings/x"), in Unicode NFC.
std::string record_id(std::string_view path);

/// Empties what a load without text leaves out of a record: its front-matter tree, body and
/// the body's wikilinks (fields, body, mentions).
void drop_text(Record& r);

/// Empties what a load without outcomes leaves out of a record: a meeting's summary, decisions
/// and action items (summary, decisions, actions).
void drop_outcomes(Record& r);

}  // namespace kb
