// The libical adapter: the one file that includes it (tests/layering.sh). libical parses
// leniently and gives no line numbers, so the file's nesting is checked first by a line scan
// that reports where it breaks, and each event's BEGIN:VEVENT line is kept for its messages.
#include "kb/parse/ical.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>

#include <fmt/format.h>
#include <libical/ical.h>

#include "kb/base/text.h"

namespace kb {
namespace {

// Occurrences looked at per recurring event at most: FREQ=SECONDLY over years must not hang.
constexpr int kMaxOccurrences = 20000;

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// The file's content lines, unfolded, each with the line it starts on.
std::vector<std::pair<std::string, int>> content_lines(std::string_view text) {
  std::vector<std::pair<std::string, int>> out;
  int line_no = 0;
  while (!text.empty()) {
    std::size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line_no == 1 && line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);
    if (line.empty()) continue;
    if ((line[0] == ' ' || line[0] == '\t') && !out.empty()) out.back().first.append(line.substr(1));
    else out.emplace_back(std::string(line), line_no);
  }
  return out;
}

// The lines of BEGIN:VEVENT (children of the first VCALENDAR, in order), or std::nullopt after
// one error where the file stops being a calendar whose components nest.
std::optional<std::vector<int>> scan_structure(std::string_view path, std::string_view text, DiagSink& diags) {
  std::vector<std::pair<std::string, int>> open;
  std::vector<int> events;
  int calendars = 0;
  bool any = false;
  for (const auto& [line, line_no] : content_lines(text)) {
    SourceLoc loc{SharedPath(std::string(path)), line_no, 0};
    std::size_t colon = line.find(':');
    std::string name = upper(std::string_view(line).substr(0, std::min(colon, line.find(';'))));
    if (!any && name != "BEGIN") {
      diags.error(loc, "not an iCalendar file (expected 'BEGIN:VCALENDAR' first)");
      return std::nullopt;
    }
    if (colon == std::string::npos) {
      diags.error(loc, "not an iCalendar content line (expected NAME:VALUE)");
      return std::nullopt;
    }
    if (name != "BEGIN" && name != "END") continue;
    std::string value = upper(trim(std::string_view(line).substr(colon + 1)));
    if (!any && value != "VCALENDAR") {
      diags.error(loc, "not an iCalendar file (expected 'BEGIN:VCALENDAR' first)");
      return std::nullopt;
    }
    any = true;
    if (name == "BEGIN") {
      if (open.empty() && value == "VCALENDAR") ++calendars;
      if (value == "VEVENT" && open.size() == 1 && calendars == 1) events.push_back(line_no);
      open.emplace_back(value, line_no);
    } else if (open.empty() || open.back().first != value) {
      diags.error(loc, open.empty() ? fmt::format("'END:{}' closes nothing", value)
                                    : fmt::format("'END:{}' where 'BEGIN:{}' of line {} is still open", value,
                                                  open.back().first, open.back().second));
      return std::nullopt;
    } else {
      open.pop_back();
    }
  }
  if (!any) {
    diags.error({SharedPath(std::string(path)), 1, 0}, "not an iCalendar file (it is empty)");
    return std::nullopt;
  }
  if (!open.empty()) {
    diags.error({SharedPath(std::string(path)), open.back().second, 0},
                fmt::format("'BEGIN:{}' is never closed (the file is cut short?)", open.back().first));
    return std::nullopt;
  }
  return events;
}

using Component = std::unique_ptr<icalcomponent, decltype(&icalcomponent_free)>;

std::string param(icalproperty* p, const char* name) {
  const char* v = p ? icalproperty_get_parameter_as_string(p, name) : nullptr;
  return v ? v : "";
}

std::string text_of(icalcomponent* c, icalproperty_kind kind) {
  icalproperty* p = icalcomponent_get_first_property(c, kind);
  const char* v = p ? icalproperty_get_value_as_string(p) : nullptr;
  if (!v) return {};
  // libical gives TEXT values still escaped; kb writes plain strings.
  const char* plain = nullptr;
  if (icalvalue* val = icalproperty_get_value(p); val && icalvalue_isa(val) == ICAL_TEXT_VALUE)
    plain = icalvalue_get_text(val);
  return std::string(trim(plain ? plain : v));
}

// A TZID as clients write it: IANA ("Europe/Paris"), Windows ("W. Europe Standard Time"),
// or with a prefix ("/freeassociation.sourceforge.net/Europe/Paris"). The IANA name, or empty.
std::string iana_zone(std::string_view tzid) {
  if (is_time_zone(tzid)) return std::string(tzid);
  for (std::size_t slash = tzid.find('/'); slash != std::string_view::npos; slash = tzid.find('/', slash + 1))
    if (is_time_zone(tzid.substr(slash + 1))) return std::string(tzid.substr(slash + 1));
  return zone_for_windows_name(tzid);
}

struct Local {
  Date date;
  int minutes = -1;  // -1: a date (all day)
  std::string zone;
  bool operator==(const Local& o) const { return date == o.date && minutes == o.minutes; }
};

// Turns date-times into wall clock in a named zone; says once per TZID what it could not.
class Clock {
 public:
  Clock(icalcomponent* cal, std::string zone, DiagSink& diags) : cal_(cal), zone_(std::move(zone)), diags_(diags) {}

  // `t` as written with `tzid` (the TZID parameter; empty for UTC or floating time).
  std::optional<Local> local(icaltimetype t, const std::string& tzid, const SourceLoc& loc) {
    if (icaltime_is_null_time(t) || !icaltime_is_valid_time(t)) return std::nullopt;
    Date d{t.year, t.month, t.day};
    if (!is_valid_date(d.year, d.month, d.day)) return std::nullopt;
    if (t.is_date) return Local{d, -1, {}};
    Local wall{d, t.hour * 60 + t.minute, {}};
    if (icaltime_is_utc(t)) return convert(static_cast<std::int64_t>(icaltime_as_timet(t)));
    if (tzid.empty()) return wall;  // floating: the same wall clock everywhere
    if (std::string iana = iana_zone(tzid); !iana.empty()) {
      wall.zone = iana;
      return wall;
    }
    // A TZID of the calendar's own making: its VTIMEZONE gives the instant.
    if (icaltimezone* z = icalcomponent_get_timezone(cal_, tzid.c_str()))
      return convert(static_cast<std::int64_t>(icaltime_as_timet_with_zone(t, z)));
    if (std::find(said_.begin(), said_.end(), tzid) == said_.end()) {
      said_.push_back(tzid);
      diags_.warning(
          loc, fmt::format("unknown time zone '{}' and no VTIMEZONE for it; its times are kept as written", tzid));
    }
    return wall;
  }

 private:
  Local convert(std::int64_t utc) {
    std::string zone = zone_.empty() ? "UTC" : zone_;
    auto lt = local_time_in(zone, utc);
    if (!lt) lt = local_time_in(zone = "UTC", utc);
    return Local{lt->date, lt->minutes, zone};
  }
  icalcomponent* cal_;
  std::string zone_;
  DiagSink& diags_;
  std::vector<std::string> said_;
};

CalendarPerson person_of(icalproperty* p) {
  CalendarPerson out;
  out.name = std::string(trim(param(p, "CN")));
  if (out.name.size() >= 2 && out.name.front() == '"' && out.name.back() == '"')
    out.name = out.name.substr(1, out.name.size() - 2);
  const char* v = icalproperty_get_value_as_string(p);
  std::string addr = v ? std::string(trim(v)) : "";
  if (addr.size() > 7 && upper(addr.substr(0, 7)) == "MAILTO:") addr = addr.substr(7);
  else if (addr.find('@') == std::string::npos) addr.clear();
  for (char& c : addr) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  out.email = addr;
  // Google writes the address as the CN when it knows no name.
  std::string cn = out.name;
  for (char& c : cn) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (cn == addr || cn == "mailto:" + addr) out.name.clear();
  return out;
}

void read_people(icalcomponent* ev, CalendarEvent& e) {
  for (icalproperty* p = icalcomponent_get_first_property(ev, ICAL_ATTENDEE_PROPERTY); p;
       p = icalcomponent_get_next_property(ev, ICAL_ATTENDEE_PROPERTY)) {
    std::string type = upper(param(p, "CUTYPE"));
    if (type == "ROOM" || type == "RESOURCE") continue;  // a meeting room is no attendee
    CalendarPerson who = person_of(p);
    if (!who.name.empty() || !who.email.empty()) e.attendees.push_back(std::move(who));
  }
  if (icalproperty* p = icalcomponent_get_first_property(ev, ICAL_ORGANIZER_PROPERTY)) {
    CalendarPerson who = person_of(p);
    if (!who.name.empty() || !who.email.empty()) e.organizer = std::move(who);
  }
}

// The first libical error (X-LIC-ERROR: it drops what it cannot read and goes on) about a
// property kb reads the event's time or identity from. Others (Google's empty DESCRIPTION:)
// leave the event usable.
std::string lic_error(icalcomponent* ev) {
  static const char* const kNeeded[] = {"UID", "DTSTART", "DTEND", "DURATION", "RRULE", "EXDATE", "RECURRENCE-ID"};
  for (icalproperty* p = icalcomponent_get_first_property(ev, ICAL_XLICERROR_PROPERTY); p;
       p = icalcomponent_get_next_property(ev, ICAL_XLICERROR_PROPERTY)) {
    const char* v = icalproperty_get_xlicerror(p);
    std::string text = v ? std::string(trim(v)) : "";
    if (!text.empty() && text.back() == ':') text.pop_back();
    // libical says `Can't parse ... DTSTART property. Removing entire property: 2024-99`.
    const std::string removing = ". Removing entire property:";
    if (std::size_t at = text.find(removing); at != std::string::npos)
      text = fmt::format("{} ('{}')", text.substr(0, at), trim(text.substr(at + removing.size())));
    if (!text.empty()) text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
    std::string up = upper(text);
    for (const char* name : kNeeded)
      if (up.find(name) != std::string::npos) return text;
  }
  return {};
}

std::string occurrence_key(const Local& l) {
  return l.minutes < 0 ? to_string(l.date) : to_string(l.date) + "T" + hhmm_of(l.minutes);
}

class Reader {
 public:
  Reader(std::string_view path, icalcomponent* cal, const CalendarReadOptions& o, DiagSink& diags)
      : path_(std::string(path)), o_(o), diags_(diags), clock_(cal, zone_of(cal, o), diags) {}

  void read(icalcomponent* cal, const std::vector<int>& lines, CalendarRead& out) {
    std::vector<std::pair<icalcomponent*, SourceLoc>> events;
    std::size_t i = 0;
    for (icalcomponent* ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); ev;
         ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT), ++i)
      events.emplace_back(ev, SourceLoc{path_, i < lines.size() ? lines[i] : 0, 0});
    // Overrides first: a moved or changed occurrence replaces the one its RECURRENCE-ID names.
    for (auto& [ev, loc] : events)
      if (icalcomponent_get_first_property(ev, ICAL_RECURRENCEID_PROPERTY)) read_override(ev, loc, out);
    for (auto& [ev, loc] : events)
      if (!icalcomponent_get_first_property(ev, ICAL_RECURRENCEID_PROPERTY)) read_master(ev, loc, out);
  }

 private:
  static std::string zone_of(icalcomponent* cal, const CalendarReadOptions& o) {
    if (!o.zone.empty()) return o.zone;
    for (icalproperty* p = icalcomponent_get_first_property(cal, ICAL_X_PROPERTY); p;
         p = icalcomponent_get_next_property(cal, ICAL_X_PROPERTY))
      if (const char* n = icalproperty_get_x_name(p); n && upper(n) == "X-WR-TIMEZONE")
        if (std::string z = iana_zone(trim(icalproperty_get_value_as_string(p))); !z.empty()) return z;
    return {};
  }

  bool in_window(const Date& d) const { return o_.since <= d && d <= o_.until; }

  // The event's fields but its start; false after a warning when kb cannot use it.
  bool common(icalcomponent* ev, const SourceLoc& loc, CalendarEvent& e) {
    e.loc = loc;
    e.uid = text_of(ev, ICAL_UID_PROPERTY);
    e.title = text_of(ev, ICAL_SUMMARY_PROPERTY);
    if (e.title.empty()) e.title = "Untitled event";
    if (std::string err = lic_error(ev); !err.empty()) {
      diags_.warning(loc, fmt::format("event '{}' left out: {}", e.title, err));
      return false;
    }
    if (e.uid.empty()) {
      diags_.warning(loc,
                     fmt::format("event '{}' has no UID; left out (kb needs it to know the event again)", e.title));
      return false;
    }
    if (!icalcomponent_get_first_property(ev, ICAL_DTSTART_PROPERTY)) {
      diags_.warning(loc, fmt::format("event '{}' has no DTSTART; left out", e.title));
      return false;
    }
    e.location = text_of(ev, ICAL_LOCATION_PROPERTY);
    icalproperty* status = icalcomponent_get_first_property(ev, ICAL_STATUS_PROPERTY);
    e.cancelled = status && icalproperty_get_status(status) == ICAL_STATUS_CANCELLED;
    read_people(ev, e);
    return true;
  }

  // Sets the start (and duration) of `e` from the occurrence starting at `start`.
  bool place(icalcomponent* ev, icaltimetype start, const SourceLoc& loc, CalendarEvent& e) {
    icalproperty* p = icalcomponent_get_first_property(ev, ICAL_DTSTART_PROPERTY);
    auto l = clock_.local(start, param(p, "TZID"), loc);
    if (!l) {
      diags_.warning(loc, fmt::format("event '{}' has a start kb cannot read; left out", e.title));
      return false;
    }
    e.date = l->date;
    e.time = l->minutes < 0 ? "" : hhmm_of(l->minutes);
    e.timezone = l->zone;
    if (l->minutes >= 0) {
      icaldurationtype d = icalcomponent_get_duration(ev);
      int minutes = icaldurationtype_as_int(d) / 60;
      e.duration = minutes > 0 && minutes < 24 * 60 ? minutes : 0;
    }
    return true;
  }

  void read_override(icalcomponent* ev, const SourceLoc& loc, CalendarRead& out) {
    CalendarEvent e;
    if (!common(ev, loc, e)) return;
    icalproperty* rid = icalcomponent_get_first_property(ev, ICAL_RECURRENCEID_PROPERTY);
    auto original = clock_.local(icalproperty_get_recurrenceid(rid), param(rid, "TZID"), loc);
    if (!original || !place(ev, icalcomponent_get_dtstart(ev), loc, e)) return;
    e.occurrence = occurrence_key(*original);
    overridden_[e.uid].push_back(*original);
    if (!in_window(e.date)) ++out.outside;
    else out.events.push_back(std::move(e));
  }

  void read_master(icalcomponent* ev, const SourceLoc& loc, CalendarRead& out) {
    CalendarEvent e;
    if (!common(ev, loc, e)) return;
    icaltimetype start = icalcomponent_get_dtstart(ev);
    icalproperty* rrule = icalcomponent_get_first_property(ev, ICAL_RRULE_PROPERTY);
    if (!rrule) {
      if (!place(ev, start, loc, e)) return;
      if (!in_window(e.date)) ++out.outside;
      else out.events.push_back(std::move(e));
      return;
    }
    expand(ev, start, icalproperty_get_rrule(rrule), e, out);
  }

  std::vector<Local> exdates(icalcomponent* ev, const SourceLoc& loc) {
    std::vector<Local> out;
    for (icalproperty* p = icalcomponent_get_first_property(ev, ICAL_EXDATE_PROPERTY); p;
         p = icalcomponent_get_next_property(ev, ICAL_EXDATE_PROPERTY))
      if (auto l = clock_.local(icalproperty_get_exdate(p), param(p, "TZID"), loc)) out.push_back(*l);
    return out;
  }

  void expand(icalcomponent* ev, icaltimetype start, icalrecurrencetype rule, const CalendarEvent& proto,
              CalendarRead& out) {
    icalproperty* p = icalcomponent_get_first_property(ev, ICAL_DTSTART_PROPERTY);
    const std::string tzid = param(p, "TZID");
    const std::vector<Local> skip = exdates(ev, proto.loc);
    const std::vector<Local>& moved = overridden_[proto.uid];
    std::unique_ptr<icalrecur_iterator, decltype(&icalrecur_iterator_free)> it(icalrecur_iterator_new(rule, start),
                                                                                 &icalrecur_iterator_free);
    if (!it) {
      diags_.warning(proto.loc, fmt::format("event '{}' has a recurrence rule kb cannot read; left out", proto.title));
      return;
    }
    for (int n = 0; n < kMaxOccurrences; ++n) {
      icaltimetype t = icalrecur_iterator_next(it.get());
      if (icaltime_is_null_time(t)) break;
      auto l = clock_.local(t, tzid, proto.loc);
      if (!l) break;
      if (o_.until < l->date) break;
      auto same = [&](const Local& x) { return x == *l; };
      if (std::any_of(skip.begin(), skip.end(), same) || std::any_of(moved.begin(), moved.end(), same)) continue;
      if (!in_window(l->date)) continue;  // before the window: not counted, there may be years of them
      CalendarEvent e = proto;
      if (!place(ev, t, proto.loc, e)) return;
      e.occurrence = occurrence_key(*l);
      out.events.push_back(std::move(e));
    }
  }

  SharedPath path_;
  const CalendarReadOptions& o_;
  DiagSink& diags_;
  Clock clock_;
  std::map<std::string, std::vector<Local>> overridden_;
};

}  // namespace

std::optional<CalendarRead> parse_calendar(std::string_view path, std::string_view text,
                                           const CalendarReadOptions& o, DiagSink& diags) {
  auto lines = scan_structure(path, text, diags);
  if (!lines) return std::nullopt;
  Component root(icalparser_parse_string(std::string(text).c_str()), &icalcomponent_free);
  icalcomponent* cal = root.get();
  if (cal && icalcomponent_isa(cal) != ICAL_VCALENDAR_COMPONENT)
    cal = icalcomponent_get_first_component(cal, ICAL_VCALENDAR_COMPONENT);
  if (!cal) {
    diags.error({SharedPath(std::string(path)), 1, 0}, "libical cannot read this calendar");
    return std::nullopt;
  }
  CalendarRead out;
  Reader(path, cal, o, diags).read(cal, *lines, out);
  std::stable_sort(out.events.begin(), out.events.end(), [](const CalendarEvent& a, const CalendarEvent& b) {
    return std::tie(a.date, a.time, a.uid, a.occurrence) < std::tie(b.date, b.time, b.uid, b.occurrence);
  });
  return out;
}

}  // namespace kb
