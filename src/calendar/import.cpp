#include "kb/calendar/import.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <utility>

#include "kb/base/text.h"
#include "kb/store/front_edit.h"
#include "kb/store/writer.h"

namespace kb {
namespace {

std::string scalar_of(const Value* v) { return v && v->is_scalar() ? std::string(trim(v->text)) : std::string(); }

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Outlook's `Chen, Bo` as people write it: `Bo Chen`.
std::string first_last(const std::string& name) {
  std::size_t comma = name.find(',');
  if (comma == std::string::npos || name.find(',', comma + 1) != std::string::npos) return name;
  std::string first(trim(name.substr(comma + 1))), last(trim(name.substr(0, comma)));
  return first.empty() || last.empty() ? name : first + " " + last;
}

using EventKey = std::pair<std::string, std::string>;  // UID, occurrence

// The meetings that came from a calendar, by the UID and occurrence kept in their front matter.
std::map<EventKey, NodeId> known_events(const KnowledgeBase& kb) {
  std::map<EventKey, NodeId> out;
  for (NodeId id : kb.all_of(RecordType::meeting)) {
    const Record& r = kb.at(id);
    if (!r.defined || !r.text.loaded()) continue;
    std::string uid = scalar_of(r.text->fields.find_property("uid"));
    if (!uid.empty()) out.emplace(EventKey{uid, scalar_of(r.text->fields.find_property("recurrence-id"))}, id);
  }
  return out;
}

// Matches calendar people to person records: by e-mail (`email:` or `emails:`, one or a list),
// else by name or alias.
class People {
 public:
  explicit People(const KnowledgeBase& kb) : kb_(kb) {
    for (NodeId id : kb.all_of(RecordType::person)) {
      const Record& r = kb.at(id);
      if (!r.defined || !r.text.loaded()) continue;
      for (const char* key : {"email", "emails"}) {
        const Value* v = r.text->fields.find_property(key);
        if (!v) continue;
        std::vector<const Value*> values{v};
        if (v->is_sequence()) {
          values.clear();
          for (const auto& item : v->items) values.push_back(&item);
        }
        for (const Value* e : values) {
          std::string addr = lower(scalar_of(e));
          if (addr.rfind("mailto:", 0) == 0) addr = addr.substr(7);
          if (!addr.empty()) by_email_.emplace(addr, id);
        }
      }
    }
  }

  /// The person `p` names: valid id, or invalid with `ambiguous` set when two records match.
  NodeId match(const CalendarPerson& p, bool& ambiguous) const {
    ambiguous = false;
    if (auto it = by_email_.find(p.email); !p.email.empty() && it != by_email_.end()) return it->second;
    if (p.name.empty()) return {};
    std::vector<std::string> tries{p.name};
    if (std::string swapped = first_last(p.name); swapped != p.name) tries.push_back(swapped);  // Outlook's `Pedro, Francesc`
    for (const auto& name : tries) {
      std::vector<NodeId> found;
      for (NodeId id : kb_.find_by_name(name, RecordType::person))
        if (kb_.at(id).defined) found.push_back(id);
      if (found.size() == 1) return found.front();
      if (found.size() > 1) {
        ambiguous = true;
        return {};
      }
    }
    return {};
  }

 private:
  const KnowledgeBase& kb_;
  std::map<std::string, NodeId> by_email_;
};

FileNames file_names(const KnowledgeBase& kb) { return kb.config.name_files ? FileNames::name : FileNames::slug; }

// The names an event's people are written as, each once: the organizer first.
class Attendance {
 public:
  Attendance(const KnowledgeBase& kb, ImportPlan& plan) : kb_(kb), people_(kb), plan_(plan) {}

  std::vector<std::string> names(const CalendarEvent& e) {
    std::vector<CalendarPerson> all;
    if (e.organizer) all.push_back(*e.organizer);
    all.insert(all.end(), e.attendees.begin(), e.attendees.end());
    std::vector<std::string> out;
    std::set<std::string> seen;
    for (const auto& p : all) {
      std::string name = written(p);
      if (seen.insert(name_key(name)).second) out.push_back(name);
    }
    return out;
  }

 private:
  std::string written(const CalendarPerson& p) {
    bool ambiguous = false;
    NodeId id = people_.match(p, ambiguous);
    if (id.valid()) return kb_.at(id).name;
    std::string name = p.name.empty() ? p.email : first_last(p.name);
    if (ambiguous) {
      if (std::find(plan_.ambiguous.begin(), plan_.ambiguous.end(), name) == plan_.ambiguous.end())
        plan_.ambiguous.push_back(name);
      return name;
    }
    auto it = std::find_if(plan_.unknown.begin(), plan_.unknown.end(),
                           [&](const UnknownPerson& u) { return name_key(u.name) == name_key(name); });
    if (it == plan_.unknown.end()) plan_.unknown.push_back({name, p.email, 1});
    else ++it->events;
    return name;
  }

  const KnowledgeBase& kb_;
  People people_;
  ImportPlan& plan_;
};

// Where an event's end goes: `end:` on the same day, else `duration:`.
std::pair<std::string, std::string> end_field(const CalendarEvent& e) {
  if (e.time.empty() || e.duration <= 0) return {};
  int end = minutes_of_day(e.time) + e.duration;
  if (end < 24 * 60) return {"end", hhmm_of(end)};
  return {"duration", duration_text(e.duration)};
}

NewRecord meeting_note(const KnowledgeBase& kb, const CalendarEvent& e, const std::vector<std::string>& attendees) {
  const KbConfig& c = kb.config;
  NewRecord n;
  n.name = e.title;
  n.front.add("type", YamlOut::str("meeting"));
  n.front.add(c.key_for("title"), YamlOut::str(e.title));
  n.front.add(c.key_for("date"), YamlOut::date(to_string(e.date)));
  if (!e.time.empty()) n.front.add(c.key_for("time"), YamlOut::str(e.time));
  if (auto [key, value] = end_field(e); !key.empty()) n.front.add(c.key_for(key), YamlOut::str(value));
  if (!e.timezone.empty()) n.front.add(c.key_for("timezone"), YamlOut::str(e.timezone));
  if (!e.location.empty()) n.front.add(c.key_for("location"), YamlOut::str(e.location));
  if (!attendees.empty()) {
    YamlOut list = YamlOut::seq(false);
    for (const auto& a : attendees) list.push(YamlOut::str(a));
    n.front.add(c.key_for("attendees"), list);
  }
  n.front.add("uid", YamlOut::str(e.uid));
  if (!e.occurrence.empty()) n.front.add("recurrence-id", YamlOut::str(e.occurrence));
  const std::string date = to_string(e.date);
  n.base = note_base_path(std::string(default_folder(RecordType::meeting)) + "/" + date.substr(0, 4), date, e.title,
                          file_names(kb));
  return n;
}

// What the calendar changed in a known meeting: its date, time, end, time zone and place. A
// field the calendar leaves empty is kept as the note has it.
std::vector<FieldChange> changes_of(const KnowledgeBase& kb, const Record& m, const CalendarEvent& e) {
  const Value& f = m.text->fields;
  const KbConfig& c = kb.config;
  std::vector<FieldChange> out;
  auto change = [&](const std::string& key, std::string from, std::string to, bool date = false) {
    if (!to.empty() && from != to) out.push_back({c.key_in(f, key), std::move(from), std::move(to), date});
  };
  change("date", m.date ? to_string(*m.date) : "", to_string(e.date), true);
  change("time", m.time.str(), e.time);
  if (auto [key, value] = end_field(e); !key.empty()) {
    // A note that gives its end as a duration keeps doing so.
    bool as_duration =
        key == "duration" || (f.find_property(c.key_in(f, "duration")) && !f.find_property(c.key_in(f, "end")));
    std::string end = hhmm_of(minutes_of_day(e.time) + e.duration);
    if (m.end_time.str() != end || m.time.str() != e.time) {
      if (as_duration) change("duration", scalar_of(f.find_property(c.key_in(f, "duration"))), duration_text(e.duration));
      else change("end", m.end_time.str(), value);
    }
  }
  std::string zone = m.timezone.empty() ? c.timezone : m.timezone.str();
  if (!e.timezone.empty() && e.timezone != zone) change("timezone", m.timezone.str(), e.timezone);
  change("location", scalar_of(f.find_property(c.key_in(f, "location"))), e.location);
  return out;
}

}  // namespace

std::string duration_text(int minutes) {
  std::string out;
  if (minutes >= 60) out += std::to_string(minutes / 60) + "h";
  if (minutes % 60 || minutes < 60) out += std::to_string(minutes % 60) + "m";
  return out;
}

ImportPlan plan_import(const KnowledgeBase& kb, const std::vector<CalendarEvent>& events, const ImportSettings& s) {
  ImportPlan plan;
  const auto known = known_events(kb);
  Attendance attendance(kb, plan);
  std::set<EventKey> seen;
  for (const CalendarEvent& e : events) {
    EventKey key{e.uid, e.occurrence};
    if (!seen.insert(key).second) continue;  // a calendar that gives one event twice
    ImportItem item;
    item.event = e;
    auto it = known.find(key);
    if (it != known.end()) item.meeting = it->second;
    if (e.cancelled) {
      item.kind = ImportItem::Kind::cancelled;
    } else if (item.meeting.valid()) {
      item.changes = changes_of(kb, kb.at(item.meeting), e);
      item.kind = item.changes.empty() ? ImportItem::Kind::unchanged : ImportItem::Kind::update;
    } else {
      item.note = meeting_note(kb, e, attendance.names(e));
    }
    plan.items.push_back(std::move(item));
  }
  if (s.create_missing)
    for (const UnknownPerson& u : plan.unknown) {
      NewRecord p;
      p.type = RecordType::person;
      p.name = u.name;
      p.front.add("type", YamlOut::str("person"));
      p.front.add(kb.config.key_for("name"), YamlOut::str(u.name));
      if (!u.email.empty()) p.front.add("email", YamlOut::str(u.email));
      p.base = note_base_path(default_folder(RecordType::person), "", u.name, file_names(kb));
      plan.people.push_back(std::move(p));
    }
  return plan;
}

std::optional<std::string> apply_changes(std::string_view path, std::string_view text,
                                         const std::vector<FieldChange>& changes) {
  std::string out(text);
  for (const FieldChange& c : changes) {
    auto next = set_scalar(path, out, c.key, c.date ? YamlOut::date(c.to) : YamlOut::str(c.to));
    if (!next) return std::nullopt;
    out = std::move(*next);
  }
  return out;
}

}  // namespace kb
