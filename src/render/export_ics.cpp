#include "kb/render/export.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <iterator>

#include <fmt/format.h>

#include "kb/base/date.h"
#include "kb/base/text.h"
#include "kb/parse/markdown.h"
#include "kb/query/meetings.h"


namespace kb {
namespace {


std::string ics_date(const Date& d) { return fmt::format("{}{:02}{:02}", d.year, d.month, d.day); }

// A local DATE-TIME from a date and an `HH:MM` time.
std::string ics_date_time(const Date& d, std::string_view hhmm) {
  return fmt::format("{}T{}{}00", ics_date(d), hhmm.substr(0, 2), hhmm.substr(3, 2));
}

// A UID from a record id: letters, digits and `._/-` kept, everything else %XX, so that ids
// with spaces or non-ASCII names (Obsidian file names) stay one stable token.
std::string uid_of(std::string_view rid) {
  std::string out;
  for (unsigned char c : rid) {
    if (std::isalnum(c) || c == '.' || c == '_' || c == '/' || c == '-') out += static_cast<char>(c);
    else fmt::format_to(std::back_inserter(out), "%{:02X}", c);
  }
  return out;
}

class Lines {
 public:
  explicit Lines(std::ostream& out) : out_(out) {}
  void add(std::string_view line) { out_ << ics_fold(line); }
  void prop(std::string_view name, std::string_view text) {
    if (!text.empty()) add(fmt::format("{}:{}", name, ics_escape(text)));
  }

 private:
  std::ostream& out_;
};

// POSIX TZ rules (the footer of a TZif file): `CET-1CEST,M3.5.0,M10.5.0/3`.
struct PosixRule {
  std::string std_name, dst_name;
  long std_offset = 0, dst_offset = 0;  // seconds east of UTC
  bool has_dst = false;
  struct When {
    int month = 0, week = 0, weekday = 0;
    long time = 7200;  // seconds after local midnight
  } start, end;
};

class PosixParser {
 public:
  explicit PosixParser(std::string_view s) : s_(s) {}

  std::optional<PosixRule> parse() {
    PosixRule r;
    if (!name(r.std_name) || !offset(r.std_offset)) return std::nullopt;
    r.std_offset = -r.std_offset;  // POSIX counts west of UTC
    if (at_end()) return r;
    if (!name(r.dst_name)) return std::nullopt;
    r.has_dst = true;
    r.dst_offset = r.std_offset + 3600;
    if (!at_end() && s_[pos_] != ',') {
      long off = 0;
      if (!offset(off)) return std::nullopt;
      r.dst_offset = -off;
    }
    if (at_end() || s_[pos_] != ',') return std::nullopt;  // no rule: not in a TZif footer
    ++pos_;
    if (!when(r.start) || at_end() || s_[pos_] != ',') return std::nullopt;
    ++pos_;
    if (!when(r.end) || !at_end()) return std::nullopt;
    return r;
  }

 private:
  bool at_end() const { return pos_ >= s_.size(); }

  bool name(std::string& out) {
    if (at_end()) return false;
    if (s_[pos_] == '<') {
      std::size_t close = s_.find('>', pos_);
      if (close == std::string_view::npos) return false;
      out = std::string(s_.substr(pos_ + 1, close - pos_ - 1));
      pos_ = close + 1;
      return !out.empty();
    }
    std::size_t start = pos_;
    while (!at_end() && std::isalpha(static_cast<unsigned char>(s_[pos_]))) ++pos_;
    out = std::string(s_.substr(start, pos_ - start));
    return out.size() >= 3;
  }

  bool number(long& out) {
    std::size_t start = pos_;
    out = 0;
    while (!at_end() && std::isdigit(static_cast<unsigned char>(s_[pos_]))) out = out * 10 + (s_[pos_++] - '0');
    return pos_ > start;
  }

  // [+-]hh[:mm[:ss]] -> seconds
  bool offset(long& out) {
    long sign = 1;
    if (!at_end() && (s_[pos_] == '+' || s_[pos_] == '-')) sign = s_[pos_++] == '-' ? -1 : 1;
    long h = 0, m = 0, sec = 0;
    if (!number(h)) return false;
    if (!at_end() && s_[pos_] == ':') {
      ++pos_;
      if (!number(m)) return false;
      if (!at_end() && s_[pos_] == ':') {
        ++pos_;
        if (!number(sec)) return false;
      }
    }
    out = sign * (h * 3600 + m * 60 + sec);
    return true;
  }

  // Only the `Mm.w.d[/time]` form: it is what every current zone uses.
  bool when(PosixRule::When& w) {
    if (at_end() || s_[pos_] != 'M') return false;
    ++pos_;
    long m = 0, wk = 0, d = 0;
    if (!number(m) || at_end() || s_[pos_++] != '.' || !number(wk) || at_end() || s_[pos_++] != '.' || !number(d))
      return false;
    if (m < 1 || m > 12 || wk < 1 || wk > 5 || d > 6) return false;
    w.month = static_cast<int>(m);
    w.week = static_cast<int>(wk);
    w.weekday = static_cast<int>(d);
    if (!at_end() && s_[pos_] == '/') {
      ++pos_;
      if (!offset(w.time)) return false;
    }
    return true;
  }

  std::string_view s_;
  std::size_t pos_ = 0;
};

std::string utc_offset(long seconds) {
  long a = std::labs(seconds);
  std::string out = fmt::format("{}{:02}{:02}", seconds < 0 ? '-' : '+', a / 3600, a / 60 % 60);
  if (a % 60) fmt::format_to(std::back_inserter(out), "{:02}", a % 60);
  return out;
}

// The first onset of a rule in 1970, as a local DATE-TIME, and its RRULE.
std::pair<std::string, std::string> onset(const PosixRule::When& w) {
  static const char* days[] = {"SU", "MO", "TU", "WE", "TH", "FR", "SA"};
  // POSIX weekday 0 = Sunday; iso_weekday 7 = Sunday.
  auto weekday_of = [](const Date& d) { return iso_weekday(d) % 7; };
  Date d{1970, w.month, 1};
  if (w.week == 5) {
    Date last = add_days(Date{w.month == 12 ? 1971 : 1970, w.month == 12 ? 1 : w.month + 1, 1}, -1);
    d = add_days(last, -((weekday_of(last) - w.weekday + 7) % 7));
  } else {
    d = add_days(d, (w.weekday - weekday_of(d) + 7) % 7 + 7 * (w.week - 1));
  }
  long t = w.time;
  long day_shift = t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
  t -= day_shift * 86400;
  d = add_days(d, day_shift);
  std::string start = fmt::format("{}T{:02}{:02}{:02}", ics_date(d), t / 3600, t / 60 % 60, t % 60);
  std::string rrule =
      fmt::format("FREQ=YEARLY;BYMONTH={};BYDAY={}{}", w.month, w.week == 5 ? -1 : w.week, days[w.weekday]);
  // A shifted onset (rare: `/25`) cannot be said with BYDAY alone; keep the plain rule.
  return {start, rrule};
}

// The POSIX rule at the end of a version 2+ TZif file.
std::optional<std::string> tzif_footer(const std::string& data) {
  if (data.size() < 44 || data.compare(0, 4, "TZif") != 0 || data[4] == '\0') return std::nullopt;
  if (data.back() != '\n') return std::nullopt;
  std::size_t prev = data.rfind('\n', data.size() - 2);
  if (prev == std::string::npos) return std::nullopt;
  return data.substr(prev + 1, data.size() - prev - 2);
}

std::string attendee_line(const KnowledgeBase& kb, const Attendee& a) {
  std::string name = kb.lookup(a.person.target) ? kb.at(a.person.target).name : a.person.text.str();
  std::vector<std::string> extra;
  if (const Record* org = kb.lookup(a.org)) extra.push_back(org->name);
  if (!a.role.empty()) extra.push_back(a.role);
  if (extra.empty()) return name;
  return fmt::format("{} ({})", name, fmt::join(extra, ", "));
}

std::string name_of(const KnowledgeBase& kb, const NameRef& ref) {
  const Record* r = kb.lookup(ref.target);
  return r ? r->name : ref.text.str();
}

}  // namespace

std::string export_id(const Record& r) {
  if (r.defined) return r.rid;
  return fmt::format("unresolved:{}:{}", to_string(r.type), r.name);
}

std::string ics_escape(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    switch (c) {
      case '\\': out += "\\\\"; break;
      case ';': out += "\\;"; break;
      case ',': out += "\\,"; break;
      case '\r':
        if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        out += "\\n";
        break;
      case '\n': out += "\\n"; break;
      default:
        // Other control characters are not allowed in TEXT (RFC 5545 3.3.11).
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t') out += ' ';
        else out += c;
    }
  }
  return out;
}

std::string ics_fold(std::string_view line) {
  std::string out;
  std::size_t limit = 75;  // octets on the first line; continuation lines start with a space
  while (line.size() > limit) {
    std::size_t cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    out.append(line.substr(0, cut));
    out += "\r\n ";
    line.remove_prefix(cut);
    limit = 74;
  }
  out.append(line);
  out += "\r\n";
  return out;
}

std::optional<std::string> ics_vtimezone(const std::string& tzid, std::string_view posix_rule) {
  auto rule = PosixParser(posix_rule).parse();
  if (!rule) return std::nullopt;
  std::string out;
  auto add = [&](std::string_view l) { out += ics_fold(l); };
  add("BEGIN:VTIMEZONE");
  add(fmt::format("TZID:{}", ics_escape(tzid)));
  if (!rule->has_dst) {
    add("BEGIN:STANDARD");
    add("DTSTART:19700101T000000");
    add(fmt::format("TZOFFSETFROM:{}", utc_offset(rule->std_offset)));
    add(fmt::format("TZOFFSETTO:{}", utc_offset(rule->std_offset)));
    add(fmt::format("TZNAME:{}", ics_escape(rule->std_name)));
    add("END:STANDARD");
  } else {
    auto [dst_start, dst_rrule] = onset(rule->start);
    auto [std_start, std_rrule] = onset(rule->end);
    add("BEGIN:DAYLIGHT");
    add(fmt::format("DTSTART:{}", dst_start));
    add(fmt::format("RRULE:{}", dst_rrule));
    add(fmt::format("TZOFFSETFROM:{}", utc_offset(rule->std_offset)));
    add(fmt::format("TZOFFSETTO:{}", utc_offset(rule->dst_offset)));
    add(fmt::format("TZNAME:{}", ics_escape(rule->dst_name)));
    add("END:DAYLIGHT");
    add("BEGIN:STANDARD");
    add(fmt::format("DTSTART:{}", std_start));
    add(fmt::format("RRULE:{}", std_rrule));
    add(fmt::format("TZOFFSETFROM:{}", utc_offset(rule->dst_offset)));
    add(fmt::format("TZOFFSETTO:{}", utc_offset(rule->std_offset)));
    add(fmt::format("TZNAME:{}", ics_escape(rule->std_name)));
    add("END:STANDARD");
  }
  add("END:VTIMEZONE");
  return out;
}


void render_ics(std::ostream& out, const KnowledgeBase& kb, const IcsOptions& o, DiagSink& diags) {
  kb.require_minutes("render_ics");
  kb.require_actions("render_ics");
  Lines l(out);
  l.add("BEGIN:VCALENDAR");
  l.add("VERSION:2.0");
  l.add("PRODID:-//kb//kb meeting notes//EN");
  l.add("CALSCALE:GREGORIAN");
  l.prop("X-WR-CALNAME", kb.config.name.empty() ? std::string("kb") : kb.config.name);

  std::vector<NodeId> meetings;
  for (const auto& r : kb.records())
    if (r.defined && r.type == RecordType::meeting && r.date) meetings.push_back(r.id);
  sort_meetings(kb, meetings, false);

  // Time zones first: one VTIMEZONE per TZID used (RFC 5545 3.6.5).
  std::vector<std::string> zones;
  std::vector<std::string> known;
  for (NodeId id : meetings) {
    const Record& m = kb.at(id);
    std::string tz = m.timezone.empty() ? kb.config.timezone : m.timezone.str();
    if (m.time.empty() || tz.empty() || std::find(zones.begin(), zones.end(), tz) != zones.end()) continue;
    zones.push_back(tz);
    std::optional<std::string> data = o.zone_data ? o.zone_data(tz) : std::nullopt;
    std::optional<std::string> footer = data ? tzif_footer(*data) : std::nullopt;
    std::optional<std::string> vtz = footer ? ics_vtimezone(tz, *footer) : std::nullopt;
    if (!vtz) {
      const Value* v = m.text->fields.find_property("timezone");
      diags.warning(v && !m.timezone.empty() ? v->loc : SourceLoc{m.path, 0, 0},
                    fmt::format("unknown time zone '{}'; times are written without one (use an IANA name such as "
                                "'Europe/Paris')",
                                tz));
      continue;
    }
    known.push_back(tz);
    out << *vtz;
  }

  for (NodeId id : meetings) {
    const Record& m = kb.at(id);
    l.add("BEGIN:VEVENT");
    l.add(fmt::format("UID:{}@kb", uid_of(m.rid)));
    l.add(fmt::format("DTSTAMP:{}", o.stamp));
    if (m.time.empty()) {
      l.add(fmt::format("DTSTART;VALUE=DATE:{}", ics_date(*m.date)));
      l.add(fmt::format("DTEND;VALUE=DATE:{}", ics_date(add_days(*m.date, 1))));
    } else {
      std::string tz = m.timezone.empty() ? kb.config.timezone : m.timezone.str();
      bool zoned = std::find(known.begin(), known.end(), tz) != known.end();
      std::string prefix = zoned ? fmt::format(";TZID={}:", tz) : std::string(":");
      l.add(fmt::format("DTSTART{}{}", prefix, ics_date_time(*m.date, m.time.view())));
      if (!m.end_time.empty()) {
        // A duration past midnight ends the next day (Record::end_time).
        bool next_day = minutes_of_day(m.end_time.str()) <= minutes_of_day(m.time.str());
        Date end_date = add_days(*m.date, next_day ? 1 : 0);
        l.add(fmt::format("DTEND{}{}", prefix, ics_date_time(end_date, m.end_time.view())));
      }
    }
    l.prop("SUMMARY", m.name);
    l.prop("LOCATION", m.location);
    std::string desc = plain_text(m.minutes->summary);
    auto gap = [&desc] { return desc.empty() ? "" : "\n\n"; };
    auto section = [&](const std::string& head, const std::vector<std::string>& items) {
      if (!items.empty()) desc += fmt::format("{}{}:\n- {}", gap(), head, fmt::join(items, "\n- "));
    };
    std::vector<std::string> orgs, people, topics, decisions;
    for (const auto& org : m.organizations) orgs.push_back(name_of(kb, org));
    for (const auto& a : m.attendees) people.push_back(attendee_line(kb, a));
    for (const auto& t : m.topics) topics.push_back(name_of(kb, t));
    for (const auto& d : m.minutes->decisions) decisions.push_back(plain_text(d.text));
    section("Organizations", orgs);
    section("Attendees", people);
    section("Topics", topics);
    section("Decisions", decisions);
    if (!m.event.text.empty()) desc += fmt::format("{}Event: {}", gap(), name_of(kb, m.event));
    desc += fmt::format("{}kb: {}", gap(), m.rid);
    l.prop("DESCRIPTION", desc);
    if (!m.tags.empty()) {
      std::string cats;
      for (const auto& t : m.tags)
        fmt::format_to(std::back_inserter(cats), "{}{}", cats.empty() ? "" : ",", ics_escape(t));
      l.add(fmt::format("CATEGORIES:{}", cats));
    }
    l.add("END:VEVENT");
  }

  static const int kPriority[] = {0, 9, 7, 5, 3, 1};  // TaskPriority -> RFC 5545 PRIORITY
  for (NodeId id : meetings) {
    const Record& m = kb.at(id);
    for (const auto& a : *m.actions) {
      if (!a.due) continue;
      l.add("BEGIN:VTODO");
      l.add(fmt::format("UID:{}-L{}@kb", uid_of(m.rid), a.loc.line));
      l.add(fmt::format("DTSTAMP:{}", o.stamp));
      l.prop("SUMMARY", plain_text(a.text));
      l.add(fmt::format("DUE;VALUE=DATE:{}", ics_date(*a.due)));
      l.add(fmt::format("STATUS:{}", a.done ? "COMPLETED" : a.cancelled ? "CANCELLED" : "NEEDS-ACTION"));
      if (a.priority > 0 && a.priority <= 5) l.add(fmt::format("PRIORITY:{}", kPriority[a.priority]));
      std::string desc;
      if (const Record* owner = kb.lookup(a.owner)) desc = fmt::format("Owner: {}\n", owner->name);
      fmt::format_to(std::back_inserter(desc), "From: {} ({})\nkb: {} line {}", m.name, to_string(*m.date), m.rid,
                     a.loc.line);
      l.prop("DESCRIPTION", desc);
      l.add(fmt::format("RELATED-TO:{}@kb", uid_of(m.rid)));
      l.add("END:VTODO");
    }
  }
  l.add("END:VCALENDAR");
}

}  // namespace kb
