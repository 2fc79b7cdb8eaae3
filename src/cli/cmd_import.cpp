// kb import ics FILE|-: a meeting note per calendar event (parse/ical for the file,
// calendar/import for the plan), new notes from the meeting template with the no-clobber
// writer, moved events edited in place in their front matter. See docs/calendar.md.
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <sstream>

#include <sys/stat.h>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "commands.h"
#include "kb/calendar/import.h"
#include "kb/parse/ical.h"
#include "kb/store/real_fs.h"
#include "kb/store/writer.h"
#include "new_note.h"
#include "session.h"
#include "writing.h"

namespace kb::cli {
namespace {

struct ImportOptions {
  std::string file;
  std::string since, until;
  bool create_missing = false;
  bool dry_run = false;
};

// The window when none is given: a month back (notes of recent meetings) and a quarter ahead.
constexpr int kDaysBefore = 30;
constexpr int kDaysAfter = 90;

std::optional<std::string> read_input(Session& s, const std::string& file) {
  if (file == "-") return std::string(std::istreambuf_iterator<char>(std::cin), {});
  struct stat st {};
  if (::stat(file.c_str(), &st) != 0) {
    s.error(fmt::format("cannot read '{}': {}", file,
                        errno == ENOENT ? std::string("no such file") : std::strerror(errno)));
    return std::nullopt;
  }
  if (S_ISDIR(st.st_mode)) {
    s.error(fmt::format("cannot read '{}': it is a folder (give the .ics file)", file));
    return std::nullopt;
  }
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in && !in.eof()) {
    s.error(fmt::format("cannot read '{}'", file));
    return std::nullopt;
  }
  return text.str();
}

std::string when(const CalendarEvent& e) {
  std::string out = to_string(e.date);
  if (!e.time.empty()) out += " " + e.time;
  if (!e.timezone.empty()) out += " " + e.timezone;
  return out;
}

std::string changes_text(const std::vector<FieldChange>& changes) {
  std::string out;
  for (const auto& c : changes)
    out += fmt::format("{}{} {} -> '{}'", out.empty() ? "" : ", ", c.key,
                       c.from.empty() ? "(none)" : fmt::format("'{}'", c.from), c.to);
  return out;
}

// Renders and writes (or, dry, only names) one new note; false after an error.
bool create(Session& s, RealFileSystem& fs, const NewRecord& n, const std::string& what, bool dry) {
  Draft d{n.type, n.front, {}, n.base};
  d.data.set(n.type == RecordType::meeting ? "title" : "name", n.name);
  d.data.set("has_before", false);
  std::string path = first_free_path(fs, n.base), error;
  if (!check_inside_root(s.root(), path, error)) {
    s.error(error);
    return false;
  }
  auto text = render_note(s, fs, d, path);
  if (!text) return false;
  if (dry) {
    s.out << "would create " << path << "  " << what << '\n';
    return true;
  }
  NewNote w = write_new_note(fs, n.base, *text);
  if (w.status != WriteStatus::ok) {
    s.error(w.message);
    return false;
  }
  s.out << "created " << w.path << "  " << what << '\n';
  return true;
}

bool update(Session& s, RealFileSystem& fs, const KnowledgeBase& kb, const ImportItem& item, bool dry) {
  const std::string path = kb.at(item.meeting).path.str();
  s.out << (dry ? "would update " : "updated ") << path << "  " << changes_text(item.changes) << '\n';
  if (dry) return true;
  auto note = read_note_to_edit(s, fs, path);
  if (!note) return false;
  auto next = note->front ? apply_changes(path, note->text, item.changes) : std::nullopt;
  return write_front_edit(s, fs, path, note->text, next);
}

void say_people(Session& s, const ImportPlan& plan, bool create_missing) {
  for (const auto& name : plan.ambiguous)
    s.warning(
        fmt::format("attendee '{}' names two people; written as given (add an 'email:' to tell them apart)", name));
  if (create_missing) return;
  for (const auto& u : plan.unknown)
    s.warning(fmt::format("unknown attendee '{}'{} ({} {}); written as given (--create-missing writes a person note)",
                          u.name, u.email.empty() || u.email == u.name ? "" : fmt::format(" <{}>", u.email), u.events,
                          u.events == 1 ? "event" : "events"));
}

// Carries out the plan; the counts of what it did go to `done`. False after an error.
bool carry_out_plan(Session& s, const KnowledgeBase& kb, const ImportPlan& plan, const ImportOptions& o,
                    std::map<ImportItem::Kind, int>& done) {
  RealFileSystem fs(s.root());
  for (const NewRecord& p : plan.people)
    if (!create(s, fs, p, "(person)", o.dry_run)) return false;
  for (const ImportItem& item : plan.items) {
    const std::string what = fmt::format("{} ({})", item.event.title, when(item.event));
    if (item.kind == ImportItem::Kind::create && !create(s, fs, item.note, what, o.dry_run)) return false;
    if (item.kind == ImportItem::Kind::update && !update(s, fs, kb, item, o.dry_run)) return false;
    if (item.kind == ImportItem::Kind::cancelled)
      s.note(fmt::format(
          "cancelled in the calendar, left out: {}{}", what,
          item.meeting.valid() ? fmt::format(" (its note {} is kept)", kb.at(item.meeting).path.str()) : ""));
    ++done[item.kind];
  }
  return true;
}

void say_summary(Session& s, std::map<ImportItem::Kind, int>& done, const CalendarRead& read,
                 const std::string& window, bool dry) {
  using K = ImportItem::Kind;
  if (read.outside > 0)
    s.note(fmt::format("{} {} outside {} left out (--since, --until)", read.outside,
                       read.outside == 1 ? "event" : "events", window));
  if (done[K::create] == 0 && done[K::update] == 0) {
    int same = done[K::unchanged];
    const std::string unchanged =
        same == 0 ? std::string()
                  : fmt::format(": {} {} already in the KB, unchanged", same, same == 1 ? "event" : "events");
    s.note(fmt::format("nothing to import{}", unchanged));
    return;
  }
  s.note(fmt::format("{} {}, {} {}, unchanged {}", dry ? "dry run, nothing written: would create" : "created",
                     done[K::create], dry ? "update" : "updated", done[K::update], done[K::unchanged]));
}

ExitCode run_import_ics(Session& s, const ImportOptions& o) {
  const Date today = s.today();
  CalendarReadOptions read_opts{add_days(today, -kDaysBefore), add_days(today, kDaysAfter), {}};
  if (!o.since.empty()) {
    auto d = s.date_arg("--since", o.since);
    if (!d) return ExitCode::usage;
    read_opts.since = *d;
  }
  if (!o.until.empty()) {
    auto d = s.date_arg("--until", o.until);
    if (!d) return ExitCode::usage;
    read_opts.until = *d;
  }
  if (read_opts.until < read_opts.since) {
    s.error(fmt::format("--since {} is after --until {}", to_string(read_opts.since), to_string(read_opts.until)));
    return ExitCode::usage;
  }
  auto text = read_input(s, o.file);
  if (!text) return ExitCode::failure;
  const KnowledgeBase* kb = s.kb(true, Session::Reads::text);  // UIDs and e-mails are in front matter
  if (!kb) return ExitCode::failure;
  read_opts.zone = kb->config.timezone;
  DiagSink diags;
  auto read = parse_calendar(o.file == "-" ? "<stdin>" : o.file, *text, read_opts, diags);
  s.print(diags, true);
  if (!read) return ExitCode::failure;
  ImportPlan plan = plan_import(*kb, read->events, ImportSettings{o.create_missing});
  say_people(s, plan, o.create_missing);
  std::map<ImportItem::Kind, int> done;
  bool ok = carry_out_plan(s, *kb, plan, o, done);
  s.out.flush();
  if (!ok) return ExitCode::failure;
  say_summary(s, done, *read, fmt::format("{}..{}", to_string(read_opts.since), to_string(read_opts.until)), o.dry_run);
  return ExitCode::ok;
}

}  // namespace

void add_import_command(CLI::App& app, Invocation& inv) {
  CLI::App* imp = app.add_subcommand("import", "Make meeting notes from a calendar (never overwrites)");
  imp->require_subcommand(1);
  auto o = std::make_shared<ImportOptions>();
  CLI::App* ics = imp->add_subcommand("ics", "A meeting note per event of an iCalendar file");
  ics->add_option("file", o->file, "The .ics file, or - for stdin")->required();
  ics->add_option("--since", o->since, "Events from this DATE (default: 30 days ago)");
  ics->add_option("--until", o->until, "Events up to this DATE (default: in 90 days)");
  ics->add_flag("--create-missing", o->create_missing, "Write a person note for each unknown attendee");
  ics->add_flag("--dry-run", o->dry_run, "Print what would be done; write nothing");
  ics->footer(
      "An event is known again by its UID (kept as 'uid:' in the note): a second import\n"
      "skips it, or updates its date, time, end, time zone and location in place.\n"
      "Recurring events are expanded within --since/--until. See docs/calendar.md.");
  ics->callback([o, &inv] { inv.run = [o](Session& s) { return run_import_ics(s, *o); }; });
}

}  // namespace kb::cli
