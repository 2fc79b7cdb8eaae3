// kb show: one record and everything kb knows about it.
#include <memory>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "args.h"
#include "commands.h"
#include "kb/model/names.h"
#include "kb/query/profile.h"
#include "kb/render/series.h"
#include "session.h"

namespace kb::cli {
namespace {

struct ShowOptions {
  std::string name;
  bool series = false;
};

// A series answers the name when --series asks for it, or when no record does but a meeting of
// the series (its title is often the series' name). Otherwise the record answers, with a note.
bool shows_series(Session& s, const KnowledgeBase& kb, const ShowOptions& o, const Series& series) {
  if (o.series) return true;
  DiagSink quiet;
  auto id = resolve_any(kb, o.name, quiet);
  if (!id) return true;  // no record, or several (meetings titled as the series)
  const Record& r = kb.at(*id);
  if (!r.defined || (r.type == RecordType::meeting && same_series(r.series, series.name))) return true;
  s.note(fmt::format("note: '{0}' is also a series; 'kb show --series \"{0}\"' shows its history", o.name));
  return false;
}

ExitCode show_series(Session& s, const KnowledgeBase& kb, const Series& series, const RenderOptions& ro) {
  render_series(s.out, kb, build_series_view(kb, series, s.today()), ro);
  return ExitCode::ok;
}

ExitCode run_show(Session& s, const ShowOptions& o) {
  auto fmt = s.format(OutputFormat::table, {OutputFormat::table, OutputFormat::json, OutputFormat::md, OutputFormat::ids});
  if (!fmt) return ExitCode::usage;
  // The graph with minutes and actions; the one note's text (its fields) is read when shown.
  const KnowledgeBase* kb = s.kb(true, Session::Reads::graph);
  if (!kb) return ExitCode::failure;
  if (auto series = find_series(*kb, o.name); series && shows_series(s, *kb, o, *series))
    return show_series(s, *kb, *series, s.render_options(*fmt));
  if (o.series) return series_arg(s, *kb, o.name) ? ExitCode::ok : ExitCode::failure;
  auto id = resolve_any_one(s, *kb, o.name);
  if (!id) return ExitCode::failure;
  s.with_text(*id);
  render_profile(s.out, *kb, build_profile(*kb, *id, s.today()), s.render_options(*fmt));
  return ExitCode::ok;
}

}  // namespace

void add_show_command(CLI::App& app, Invocation& inv) {
  auto o = std::make_shared<ShowOptions>();
  CLI::App* sub = app.add_subcommand("show", "One record: fields, affiliations or members, meetings, co-attendees, topics, open actions");
  sub->add_option("name", o->name, "A name, alias or record id (e.g. people/francesc-pedro), or a series")->required();
  sub->add_flag("--series", o->series,
                "NAME is a series (the meetings' 'series:'): its history, when a record has that name too");
  sub->callback([o, &inv] { inv.run = [o](Session& s) { return run_show(s, *o); }; });
}

}  // namespace kb::cli
