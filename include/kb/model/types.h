#pragma once
// The typed records of a knowledge base: meetings, people, organizations, topics, events and
// plain notes, with every name reference kept next to where it was written and what it
// resolved to. Records are built by load_kb() and read through KnowledgeBase.

#include <compare>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
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
/// The text is shared: a load holds a name written in many notes once (StringPool).
struct NameRef {
  SharedString text;
  SourceLoc loc;
  NodeId target;
};

struct Affiliation {
  NameRef org;
  SharedString role;
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
  SharedString role;       ///< the `role:` given in the meeting, else the role of that affiliation
};

/// What a meeting gives about one attendee besides the name (`- name: ... org: ... role: ...`),
/// as written: read when the graph is built, and then only its outcome is kept in Attendee.
struct AttendeeInline {
  std::size_t attendee = 0;  ///< which of the meeting's attendees (an index into Record::attendees)
  NameRef org;  ///< text empty when not given
  SharedString role;
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

/// Thrown when a record part that the load did not ask for (RecordParts) is read: a command
/// that forgot to ask fails at once instead of printing "no actions".
struct PartNotLoaded : std::logic_error {
  using std::logic_error::logic_error;
};

/// A part of a record held apart, so that a record without it costs one pointer. It is in one of
/// three states: held, none (the record has none: reading gives an empty part), or not loaded
/// (the load did not ask for it: reading throws PartNotLoaded). edit() makes it held.
template <class T>
class RecordPart {
 public:
  RecordPart() = default;
  RecordPart(const RecordPart& o) : p_(o.copy()) {}
  RecordPart(RecordPart&& o) noexcept : p_(std::exchange(o.p_, nullptr)) {}
  RecordPart& operator=(const RecordPart& o) {
    if (this != &o) replace(o.copy());
    return *this;
  }
  RecordPart& operator=(RecordPart&& o) noexcept {
    if (this != &o) replace(std::exchange(o.p_, nullptr));
    return *this;
  }
  ~RecordPart() { replace(nullptr); }

  const T& operator*() const {
    if (p_ == unloaded()) throw PartNotLoaded("a record part was read that the load did not ask for");
    return p_ ? *p_ : empty();
  }
  const T* operator->() const { return &**this; }
  /// The part, made (empty) if there is none or it was not loaded.
  T& edit() {
    if (!p_ || p_ == unloaded()) p_ = new T();
    return *p_;
  }
  /// The record has none of this part.
  void reset() { replace(nullptr); }
  /// The load leaves this part out: reading it throws.
  void unload() { replace(unloaded()); }
  bool present() const { return p_ && p_ != unloaded(); }
  bool loaded() const { return p_ != unloaded(); }

 private:
  static const T& empty() {
    static const T none;
    return none;
  }
  // The state "not loaded" is this address, so the part stays one pointer.
  static T* unloaded() {
    static T mark;
    return &mark;
  }
  T* copy() const { return present() ? new T(*p_) : p_; }
  void replace(T* p) {
    if (present()) delete p_;
    p_ = p;
  }
  T* p_ = nullptr;
};

/// A meeting's minutes: its summary and the decisions taken (its action items are a part of
/// their own, Record::actions: most commands that read one need only one).
struct Minutes {
  std::string summary;
  std::vector<DecisionItem> decisions;
};

/// A note as written: its front matter and its body.
struct NoteText {
  Value fields;            ///< the front matter as written (mapping)
  std::string body;        ///< Markdown after the front matter
};

/// What only people, organizations, topics and events have.
struct EntityFields {
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

struct Record {
  NodeId id;
  RecordType type = RecordType::note;
  bool defined = true;     ///< false: a name that no record defines (an unresolved node)
  std::string rid;         ///< "meetings/2024/2024-09-02-x"; empty when not defined
  SharedPath path;         ///< the file, from the KB folder (rid + ".md"), shared with every location in it
  std::string name;        ///< canonical name (a meeting's title)
  std::vector<std::string> aliases;
  std::vector<SharedString> tags;  ///< shared, as names are
  /// The front matter as written and the body (RecordParts::text).
  RecordPart<NoteText> text;
  /// The body's [[wikilinks]] (RecordParts::links).
  RecordPart<std::vector<NameRef>> mentions;

  // meeting
  std::optional<Date> date;
  SharedString time;      ///< shared, as names are: a few distinct values over many meetings
  SharedString timezone;
  /// `HH:MM`, when it ends: from `end:`, or from `time:` plus `duration:`; at or before
  /// `time` only when a duration runs past midnight (it then ends the next day).
  SharedString end_time;
  SharedString location;
  /// `series:`, the recurring meeting this one belongs to, as written (a `[[link]]`'s target);
  /// matched as names are (name_key). Empty when the meeting is in no series.
  SharedString series;
  NameRef event;
  std::vector<NameRef> organizations;
  std::vector<Attendee> attendees;
  std::vector<NameRef> topics;
  /// Summary and decisions (RecordParts::minutes).
  RecordPart<Minutes> minutes;
  /// Action items (RecordParts::actions).
  RecordPart<std::vector<Action>> actions;

  /// A person's, organization's, topic's or event's own fields.
  RecordPart<EntityFields> entity;

  /// What resolving this record looked up in the graph (model/reads.h): the notes a change to
  /// others can change. Held while a graph is loaded and patched, not loaded after.
  RecordPart<std::vector<std::uint32_t>> reads;
};

/// The Dataview inline fields of a note's body (find_inline_fields) as a mapping, in order:
/// each key once (the first spelling), its value, or a sequence of its values when it is
/// written more than once.
Value inline_fields(const NoteText& text);

/// The property `key` of a note: its front matter's (Value::find_property), else its body's
/// Dataview inline field of that name, letter case aside (kept in `scratch`); else nullptr.
const Value* find_field(const NoteText& text, std::string_view key, Value& scratch);

/// The record id of the note at `path` ("meetings/x.md" -> "meetings/x"), in Unicode NFC.
std::string record_id(std::string_view path);

}  // namespace kb
