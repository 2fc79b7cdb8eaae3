// kb add meeting|person|org|topic|event: a new note from a Mustache template (the KB's own
// templates/ first, else the built-in one), front matter emitted by store/writer, names written
// canonical, written whole without ever replacing a file. Meeting notes get a "Before this
// meeting" section (query/prepare).
#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <tuple>

#include <unistd.h>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "commands.h"
#include "kb/base/text.h"
#include "kb/model/names.h"
#include "kb/parse/record.h"
#include "kb/query/actions.h"
#include "kb/query/prepare.h"
#include "kb/query/series.h"
#include "kb/render/mustache.h"
#include "kb/render/table.h"
#include "kb/render/templates.h"
#include "kb/store/real_fs.h"
#include "kb/store/writer.h"
#include "args.h"
#include "new_note.h"
#include "session.h"
#include "writing.h"

namespace kb::cli {
namespace {

struct AddOptions {
  RecordType type = RecordType::meeting;
  std::string title, date, time, timezone, location, event;
  std::string series, next_in;  ///< meeting: `series:`; the series whose next occurrence this is
  std::vector<std::string> orgs, attendees, topics, tags;
  std::string name, org, role, parent, start, end, honorific, kind;
  std::vector<std::string> aliases;
  bool edit = false;
  bool dry_run = false;
  bool create_missing = false;
  bool force = false;
};

YamlOut name_list(const std::vector<GivenName>& names, RecordType type, bool flow) {
  YamlOut seq = YamlOut::seq(flow);
  for (const auto& n : names)
    if (n.type == type) seq.push(YamlOut::str(n.written));
  return seq;
}

YamlOut str_list(const std::vector<std::string>& items) {
  YamlOut seq = YamlOut::seq(true);
  for (const auto& i : items) seq.push(YamlOut::str(i));
  return seq;
}

// The draft of a stub record for a name no record defines (--create-missing).
Draft stub_draft(const KnowledgeBase& kb, const GivenName& n) {
  Draft d{n.type, YamlOut::map(), {}, {}};
  d.front.add("type", YamlOut::str(std::string(to_string(n.type))));
  d.front.add(key_for(kb, "name"), YamlOut::str(n.written));
  d.data.set("name", n.written);
  d.base = note_base_path(default_folder(n.type), "", n.written, file_names(kb));
  return d;
}

bool prompt_missing(Session& s, std::vector<std::pair<std::string, std::string*>> required) {
  std::vector<std::string> missing;
  for (auto& [flag, value] : required)
    if (std::string(trim(*value)).empty()) missing.push_back(flag);
  if (missing.empty()) return true;
  if (!::isatty(STDIN_FILENO)) {
    std::string list;
    for (std::size_t i = 0; i < missing.size(); ++i)
      list += (i == 0 ? "" : i + 1 == missing.size() ? " and " : ", ") + missing[i];
    s.error(fmt::format("missing {} (give {} as flags; kb asks for them only when stdin is a terminal)", list,
                        missing.size() == 1 ? "it" : "them"));
    return false;
  }
  for (auto& [flag, value] : required) {
    while (std::string(trim(*value)).empty()) {
      s.err << flag.substr(2) << ": " << std::flush;
      if (!std::getline(std::cin, *value)) {
        s.error(fmt::format("missing {}", flag));
        return false;
      }
    }
  }
  return true;
}

// The defined record of `type` that `name` already names (by name or alias, after kb's
// normalization), if any.
const Record* existing_record(const KnowledgeBase& kb, const std::string& name, RecordType type) {
  for (NodeId id : kb.find_by_name(name, type))
    if (kb.at(id).defined) return &kb.at(id);
  return nullptr;
}

// kb add knows what exists: a record whose name or alias is taken is refused (--force adds a
// second one deliberately); a meeting with the title and date of another is pointed out.
bool check_not_duplicate(Session& s, const KnowledgeBase& kb, const AddOptions& o) {
  if (o.type == RecordType::meeting) {
    const std::string key = name_key(o.title);
    std::vector<const Record*> same;
    for (NodeId id : kb.all_of(RecordType::meeting))
      if (const Record& m = kb.at(id); m.date && to_string(*m.date) == o.date && name_key(m.name) == key)
        same.push_back(&m);
    if (!same.empty() && !s.globals.quiet)
      s.warning(fmt::format("a meeting '{}' on {} exists already ({}{}); writing another note", same.front()->name,
                            o.date, same.front()->path.view(),
                            same.size() > 1 ? fmt::format(" and {} more", same.size() - 1) : std::string()));
    return true;
  }
  if (o.force) return true;
  std::vector<std::string> names{o.name};
  names.insert(names.end(), o.aliases.begin(), o.aliases.end());
  for (const auto& n : names) {
    const Record* r = existing_record(kb, n, o.type);
    if (!r) continue;
    // Two people may share a name: one at another organization is added, and named in notes
    // with it (pick_by_org).
    if (o.type == RecordType::person && !o.org.empty() && !pick_by_org(kb, n + " (" + o.org + ")")) {
      s.warning(fmt::format("another person '{}' exists ({}); name this one '{} ({})' in notes", r->name,
                            r->path.view(), o.name, o.org));
      continue;
    }
    s.error(fmt::format("{} '{}' exists already: {}{}; use that record, or {}--force to add a second one of that name",
                        type_noun(o.type), n, r->path.view(), r->name == n ? "" : fmt::format(" ('{}')", r->name),
                        o.type == RecordType::person ? "give --org for another person of that name, or " : ""));
    return false;
  }
  return true;
}

// Checks and normalizes the options: required fields (prompted on a terminal), one-line
// values, dates as kb writes them, a valid time. False after a usage error.
bool checked_options(Session& s, AddOptions& o) {
  std::vector<std::pair<std::string, std::string*>> required;
  if (o.type == RecordType::meeting) required = {{"--title", &o.title}, {"--date", &o.date}};
  else required = {{"--name", &o.name}};
  if (o.type == RecordType::event) required.push_back({"--start", &o.start});
  if (!prompt_missing(s, required)) return false;
  for (const auto& [flag, value] : std::vector<std::pair<std::string, const std::string*>>{
           {"--title", &o.title}, {"--name", &o.name}, {"--location", &o.location}, {"--event", &o.event},
           {"--org", &o.org}, {"--role", &o.role}, {"--parent", &o.parent}, {"--timezone", &o.timezone},
           {"--honorific", &o.honorific}, {"--kind", &o.kind}, {"--series", &o.series}})
    if (!one_line(s, flag, *value)) return false;
  for (const auto* list : {&o.orgs, &o.attendees, &o.topics, &o.tags, &o.aliases})
    for (const auto& v : *list)
      if (!one_line(s, "a name", v)) return false;
  o.title = std::string(trim(o.title));
  o.name = std::string(trim(o.name));
  // From here on a date is the day meant, as kb writes it (`next tuesday` -> 2024-09-10).
  std::optional<Date> start, end;
  for (auto [flag, value, out] : {std::tuple{"--date", &o.date, (std::optional<Date>*)nullptr},
                                  std::tuple{"--start", &o.start, &start}, std::tuple{"--end", &o.end, &end}}) {
    if (value->empty()) continue;
    auto d = s.date_arg(flag, *value);
    if (!d) return false;
    *value = to_string(*d);
    if (out) *out = d;
  }
  if (start && end && *end < *start) {
    s.error(fmt::format("--end {} is before --start {}", o.end, o.start));
    return false;
  }
  if (!o.time.empty() && !parse_time(o.time)) {
    s.error(fmt::format("invalid time '{}' for --time (expected HH:MM, 24 h)", o.time));
    return false;
  }
  if (o.type == RecordType::person && !o.role.empty() && o.org.empty()) {
    s.error("--role needs --org: a role is held at an organization");
    return false;
  }
  return true;
}

// The names the note gives, canonical when known (resolve_for_write says what it does with
// the others). False after an error.
bool resolve_names(Session& s, const KnowledgeBase& kb, const AddOptions& o, std::vector<GivenName>& names) {
  bool ok = true;
  auto resolve = [&](const std::vector<std::string>& list, RecordType t) {
    ok = resolve_for_write(s, kb, list, t, o.create_missing, names, !o.dry_run) && ok;
  };
  if (o.type == RecordType::meeting) {
    resolve(o.orgs, RecordType::organization);
    resolve(o.attendees, RecordType::person);
    resolve(o.topics, RecordType::topic);
    if (!o.event.empty()) resolve({o.event}, RecordType::event);
  } else if (o.type == RecordType::person && !o.org.empty()) {
    resolve({o.org}, RecordType::organization);
  } else if ((o.type == RecordType::organization || o.type == RecordType::topic) && !o.parent.empty()) {
    resolve({o.parent}, o.type);
  }
  return ok;
}

// The organizations and people a new meeting is prepared for (query/prepare).
std::vector<NodeId> subjects_of(const std::vector<GivenName>& names) {
  std::vector<NodeId> out;
  for (const auto& n : names)
    if (n.id.valid() && (n.type == RecordType::organization || n.type == RecordType::person)) out.push_back(n.id);
  return out;
}

std::string written_name(const std::vector<GivenName>& names, RecordType t) {
  for (const auto& n : names)
    if (n.type == t) return n.written;
  return {};
}

Draft meeting_draft(const KnowledgeBase& kb, const AddOptions& o, const std::vector<GivenName>& names) {
  Draft d{RecordType::meeting, YamlOut::map(), {}, {}};
  d.front.add("type", YamlOut::str("meeting"));
  d.front.add(key_for(kb, "title"), YamlOut::str(o.title));
  d.front.add(key_for(kb, "date"), YamlOut::date(o.date));
  if (!o.time.empty()) d.front.add(key_for(kb, "time"), YamlOut::str(o.time));
  if (!o.timezone.empty()) d.front.add(key_for(kb, "timezone"), YamlOut::str(o.timezone));
  if (!o.location.empty()) d.front.add(key_for(kb, "location"), YamlOut::str(o.location));
  if (!o.event.empty()) d.front.add(key_for(kb, "event"), YamlOut::str(written_name(names, RecordType::event)));
  YamlOut orgs = name_list(names, RecordType::organization, true);
  if (!orgs.items.empty()) d.front.add(key_for(kb, "organizations"), orgs);
  YamlOut people = name_list(names, RecordType::person, false);
  if (!people.items.empty()) d.front.add(key_for(kb, "attendees"), people);
  YamlOut topics = name_list(names, RecordType::topic, true);
  if (!topics.items.empty()) d.front.add(key_for(kb, "topics"), topics);
  if (!o.tags.empty()) d.front.add(key_for(kb, "tags"), str_list(o.tags));
  // A meeting of a series lists the open actions of its earlier meetings, as links.
  const Date date = *parse_date(o.date);
  std::optional<Series> series = o.series.empty() ? std::nullopt : find_series(kb, o.series);
  if (!o.series.empty()) d.front.add(key_for(kb, "series"), YamlOut::str(series ? series->name : o.series));
  const std::vector<ActionRef> carried = series ? carried_actions(kb, *series, date) : std::vector<ActionRef>{};
  d.data = preparation_data(kb, subjects_of(names), date, series ? series->name : o.series, carried);
  d.carried = carried.size();
  d.data.set("title", o.title);
  d.data.set("date", o.date);
  d.data.set("time", o.time);
  d.data.set("location", o.location);
  d.base = note_base_path(std::string(default_folder(RecordType::meeting)) + "/" + o.date.substr(0, 4), o.date,
                          o.title, file_names(kb));
  return d;
}

Draft record_draft(const KnowledgeBase& kb, const AddOptions& o, const std::vector<GivenName>& names) {
  const RecordType type = o.type;
  Draft d{type, YamlOut::map(), {}, {}};
  d.front.add("type", YamlOut::str(std::string(to_string(type))));
  d.front.add(key_for(kb, "name"), YamlOut::str(o.name));
  if (!o.aliases.empty()) d.front.add(key_for(kb, "aliases"), str_list(o.aliases));
  if (!o.honorific.empty()) d.front.add(key_for(kb, "honorific"), YamlOut::str(std::string(trim(o.honorific))));
  if (type == RecordType::person && !o.org.empty()) {
    YamlOut aff = YamlOut::map();
    aff.add("org", YamlOut::str(written_name(names, RecordType::organization)));
    if (!o.role.empty()) aff.add("role", YamlOut::str(o.role));
    d.front.add(key_for(kb, "affiliations"), YamlOut::seq(false).push(aff));
  }
  if (!o.kind.empty()) d.front.add(key_for(kb, "kind"), YamlOut::str(std::string(trim(o.kind))));
  if ((type == RecordType::organization || type == RecordType::topic) && !o.parent.empty())
    d.front.add(key_for(kb, "parent"), YamlOut::str(written_name(names, type)));
  if (type == RecordType::event) {
    d.front.add(key_for(kb, "start"), YamlOut::date(o.start));
    if (!o.end.empty()) d.front.add(key_for(kb, "end"), YamlOut::date(o.end));
    if (!o.location.empty()) d.front.add(key_for(kb, "location"), YamlOut::str(o.location));
  }
  d.data.set("name", o.name);
  d.base = note_base_path(default_folder(type), "", o.name, file_names(kb));
  return d;
}

// Renders every draft, checks it, and writes them (or, with --dry-run, prints them).
ExitCode write_drafts(Session& s, const KnowledgeBase& kb, std::vector<Draft>& drafts, const AddOptions& o) {
  RealFileSystem fs(s.root());
  std::vector<std::string> texts;
  std::string error;
  for (auto& draft : drafts) {
    std::string path = first_free_path(fs, draft.base);
    if (!check_inside_root(s.root(), path, error)) {
      s.error(error);
      return ExitCode::failure;
    }
    auto text = render_note(s, fs, draft, path);
    if (!text) return ExitCode::failure;
    texts.push_back(std::move(*text));
  }
  if (o.dry_run) {
    for (std::size_t i = 0; i < drafts.size(); ++i) {
      s.err << "kb: would write " << first_free_path(fs, drafts[i].base) << '\n';
      s.out << texts[i];
    }
    return ExitCode::ok;
  }
  std::vector<std::string> written;
  for (std::size_t i = 0; i < drafts.size(); ++i) {
    NewNote n = write_new_note(fs, drafts[i].base, texts[i]);
    if (n.status != WriteStatus::ok) {
      s.error(n.message);
      return ExitCode::failure;
    }
    written.push_back(n.path);
    s.out << s.root() << '/' << n.path << '\n';
    if (i > 0) s.note(fmt::format("created {} record '{}'", type_noun(drafts[i].type), n.path));
  }
  s.out.flush();
  if (o.edit) return edit_until_clean(s, kb, written.front());
  return ExitCode::ok;
}

// What the next occurrence of a series takes from its newest meeting, for what is not given:
// the title (its date, if it holds one, made the new one), time, place, names and tags.
void take_from(const KnowledgeBase& kb, const Record& last, const Date& date, AddOptions& o) {
  auto name = [&](const NameRef& n) { return kb.lookup(n.target) ? kb.at(n.target).name : n.text.str(); };
  auto fill = [](std::string& v, const std::string& from) { if (v.empty()) v = from; };
  auto fill_names = [&](std::vector<std::string>& v, const std::vector<NameRef>& from) {
    if (v.empty()) for (const auto& n : from) v.push_back(name(n));
  };
  if (o.title.empty()) o.title = next_title(last.name, *last.date, date);
  fill(o.time, last.time);
  fill(o.timezone, last.timezone);
  fill(o.location, last.location);
  fill_names(o.orgs, last.organizations);
  if (o.attendees.empty())
    for (const auto& a : last.attendees) o.attendees.push_back(name(a.person));
  fill_names(o.topics, last.topics);
  if (o.tags.empty())
    for (const auto& t : last.tags) o.tags.push_back(t.str());
}

// The date of the next occurrence: --date, else the series' rhythm. std::nullopt after an error
// (`rc` says which).
std::optional<Date> next_date(Session& s, const KnowledgeBase& kb, const Series& series, const AddOptions& o,
                              ExitCode& rc) {
  rc = ExitCode::usage;
  if (!o.date.empty()) return s.date_arg("--date", o.date);
  const Cadence c = find_cadence(kb, series);
  auto date = next_in_cadence(c, *kb.at(series.meetings.back()).date);
  if (!date) {
    s.error(series.meetings.size() == 1
                ? fmt::format("'{}' has one meeting: no rhythm to date the next one by; give --date", series.name)
                : fmt::format("the meetings of '{}' keep no regular rhythm; give --date", series.name));
    return std::nullopt;
  }
  s.note(fmt::format("next in '{}' ({}): {}", series.name, describe(c), to_string(*date)));
  return date;
}

// --next-in SERIES: the next occurrence of the series, dated by --date or its rhythm, with what
// was not given taken from its newest meeting. Refuses a date the series has a meeting on.
ExitCode apply_next_in(Session& s, AddOptions& o) {
  const KnowledgeBase* kb = s.kb(true, Session::Reads::graph);
  if (!kb) return ExitCode::failure;
  auto series = series_arg(s, *kb, o.next_in);
  if (!series) return ExitCode::failure;
  ExitCode rc;
  auto date = next_date(s, *kb, *series, o, rc);
  if (!date) return rc;
  for (NodeId id : series->meetings)
    if (*kb->at(id).date == *date) {
      s.error(fmt::format("'{}' has a meeting on {} already: {}; give --date for another day", series->name,
                          to_string(*date), kb->at(id).path.view()));
      return ExitCode::failure;
    }
  o.date = to_string(*date);
  o.series = series->name;
  take_from(*kb, kb->at(series->meetings.back()), *date, o);
  return ExitCode::ok;
}

ExitCode run_add(Session& s, AddOptions o) {
  if (!o.next_in.empty())
    if (ExitCode rc = apply_next_in(s, o); rc != ExitCode::ok) return rc;
  if (!checked_options(s, o)) return ExitCode::usage;
  const KnowledgeBase* kb = s.kb(true, Session::Reads::graph);  // names, and meetings before this one
  if (!kb) return ExitCode::failure;
  if (!check_not_duplicate(s, *kb, o)) return ExitCode::failure;
  std::vector<GivenName> names;
  if (!resolve_names(s, *kb, o, names)) return ExitCode::failure;
  std::vector<Draft> drafts;
  drafts.push_back(o.type == RecordType::meeting ? meeting_draft(*kb, o, names) : record_draft(*kb, o, names));
  if (o.create_missing)
    for (const auto& n : names)
      if (!n.id.valid()) drafts.push_back(stub_draft(*kb, n));
  return write_drafts(s, *kb, drafts, o);
}

void add_common(CLI::App* sub, AddOptions& o) {
  sub->add_flag("--edit", o.edit, "Open the new note in $VISUAL or $EDITOR");
  sub->add_flag("--dry-run", o.dry_run, "Print the note and the path it would get; write nothing");
  sub->add_flag("--create-missing", o.create_missing, "Also write stub records for names no record defines");
  sub->add_flag("--force", o.force, "Add a record even when its name or alias names one already");
}

CLI::App* add_type(CLI::App* add, Invocation& inv, const std::string& name, RecordType type, const std::string& help,
                   std::shared_ptr<AddOptions>& o) {
  o = std::make_shared<AddOptions>();
  o->type = type;
  CLI::App* sub = add->add_subcommand(name, help);
  sub->callback([o, &inv] { inv.run = [o](Session& s) { return run_add(s, *o); }; });
  return sub;
}

}  // namespace

void add_add_command(CLI::App& app, Invocation& inv) {
  CLI::App* add = app.add_subcommand("add", "Write a new note from its template and print its path (never overwrites)");
  add->require_subcommand(1);
  std::shared_ptr<AddOptions> o;

  CLI::App* m = add_type(add, inv, "meeting", RecordType::meeting, "A meeting note, with what to know before it", o);
  m->add_option("--title", o->title, "The title (required)");
  m->add_option("--date", o->date, "The DATE (2024-09-02, today, tomorrow, next monday; required)");
  m->add_option("--time", o->time, "The start time, HH:MM (24 h)");
  m->add_option("--timezone", o->timezone, "An IANA time zone name, e.g. Europe/Paris");
  m->add_option("--location", o->location, "Where it takes place");
  m->add_option("--event", o->event, "The event it is part of (name or alias)");
  m->add_option("--org", o->orgs, "An organization met (name or alias); repeat for more");
  m->add_option("--attendee", o->attendees, "A person who attends (name or alias); repeat for more");
  m->add_option("--topic", o->topics, "A topic discussed; repeat for more");
  m->add_option("--tag", o->tags, "A tag; repeat for more");
  m->add_option("--series", o->series, "The recurring series it belongs to (written as 'series:')");
  m->add_option("--next-in", o->next_in,
                "The next meeting of this SERIES: names, time and place from its last one, the date by its "
                "rhythm (or --date), its open actions carried as links");
  add_common(m, *o);

  CLI::App* p = add_type(add, inv, "person", RecordType::person, "A person record", o);
  p->add_option("--name", o->name, "The name (required)");
  p->add_option("--org", o->org, "The organization they belong to");
  p->add_option("--role", o->role, "Their role there");
  p->add_option("--alias", o->aliases, "Another name they go by; repeat for more");
  p->add_option("--honorific", o->honorific, "How they are addressed: Mr., Ms., Dr., H.E. ...");
  add_common(p, *o);

  CLI::App* g = add_type(add, inv, "org", RecordType::organization, "An organization record", o);
  g->alias("organization");
  g->add_option("--name", o->name, "The name (required)");
  g->add_option("--alias", o->aliases, "Another name or acronym; repeat for more");
  g->add_option("--parent", o->parent, "The organization it is part of");
  g->add_option("--kind", o->kind, "What kind of organization: ministry, university, division ...");
  add_common(g, *o);

  CLI::App* t = add_type(add, inv, "topic", RecordType::topic, "A topic record", o);
  t->add_option("--name", o->name, "The name (required)");
  t->add_option("--alias", o->aliases, "Another name; repeat for more");
  t->add_option("--parent", o->parent, "A broader topic");
  add_common(t, *o);

  CLI::App* e = add_type(add, inv, "event", RecordType::event, "An event record (a conference, a week of meetings)", o);
  e->add_option("--name", o->name, "The name (required)");
  e->add_option("--start", o->start, "The first DATE (required)");
  e->add_option("--end", o->end, "The last DATE");
  e->add_option("--location", o->location, "Where it takes place");
  e->add_option("--alias", o->aliases, "Another name; repeat for more");
  add_common(e, *o);

  add_add_affiliation_command(*add, inv);
}

}  // namespace kb::cli
