// kb report weekly|brief: the weekly briefing (SPEC §3) and the one-page dossier.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <sstream>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "args.h"
#include "commands.h"
#include "kb/model/names.h"
#include "kb/query/profile.h"
#include "kb/query/weekly.h"
#include "kb/render/report.h"
#include "kb/render/templates.h"
#include "kb/store/graphviz.h"
#include "kb/store/output_file.h"
#include "kb/store/real_fs.h"
#include "session.h"

namespace kb::cli {
namespace {

struct ReportOptions {
  std::string week, date, tpl, output, name, audience;
};

// --format for reports: md (default) or html; without it, what `-o FILE`'s name says.
std::optional<ReportFormat> report_format(Session& s, const std::string& output) {
  const std::string by_name = format_of_file(output);
  const std::string& given = s.globals.format.empty() ? by_name : s.globals.format;
  if (given.empty()) return ReportFormat::md;
  auto f = parse_report_format(given);
  if (!f && s.globals.format.empty())
    s.error(fmt::format("kb report writes md or html, not '{0}' (the name '{1}' says {0}; give --format md or html)",
                        given, output));
  else if (!f)
    s.error(fmt::format("kb report takes --format md or html, not '{}'", given));
  return f;
}

// The template: --template FILE, else the KB's templates/NAME, else the built-in one.
std::optional<std::string> load_template(Session& s, const std::string& flag_file, const std::string& name) {
  std::string text, why;
  if (!flag_file.empty()) {
    RealFileSystem fs(flag_file[0] == '/' ? "" : ".");
    if (!fs.read(flag_file, text, why)) {
      s.error(fmt::format("cannot read template '{}': {}", flag_file, why));
      return std::nullopt;
    }
    return text;
  }
  RealFileSystem kb_fs(s.root());
  std::string own = "templates/" + name;
  if (kb_fs.exists(own)) {
    if (!kb_fs.read(own, text, why)) {
      s.error(fmt::format("cannot read template '{}': {}", own, why));
      return std::nullopt;
    }
    return text;
  }
  const char* built_in = lookup_embedded_template(name);
  if (!built_in) {
    s.error(fmt::format("no built-in template '{}'", name));
    return std::nullopt;
  }
  return std::string(built_in);
}

// Writes `content` where `-o` names (store/output_file.h says how each kind of file is treated).
bool write_whole(Session& s, const std::string& path, const std::string& content) {
  OutputRules rules;
  rules.kb_root = s.root();
  WriteResult r = write_output(path, content, rules);
  if (r.status != WriteStatus::ok) s.error(r.message);
  return r.status == WriteStatus::ok;
}

ExitCode emit(Session& s, const ReportOptions& o, const std::string& tpl, const TemplateData& data,
              ReportFormat f, const std::string& tpl_name) {
  const bool to_stdout = o.output.empty() || o.output == "-";
  std::ostringstream text;
  std::string error;
  // Written only when whole: render_report writes nothing for a malformed template.
  if (!render_report(to_stdout ? s.out : text, tpl, data, f, error)) {
    s.error(fmt::format("template '{}': {}", o.tpl.empty() ? tpl_name : o.tpl, error));
    return ExitCode::failure;
  }
  if (to_stdout) return ExitCode::ok;
  if (!write_whole(s, o.output, text.str())) return ExitCode::failure;
  s.note(fmt::format("wrote {}", o.output));
  return ExitCode::ok;
}

ExitCode run_weekly(Session& s, const ReportOptions& o) {
  auto f = report_format(s, o.output);
  if (!f) return ExitCode::usage;
  if (!o.week.empty() && !o.date.empty()) {
    s.error("give --week or --date, not both");
    return ExitCode::usage;
  }
  IsoWeek week = iso_week_of(s.today());
  if (!o.week.empty()) {
    auto w = week_phrase_arg(s, o.week);
    if (!w) return ExitCode::usage;
    week = *w;
  } else if (!o.date.empty()) {
    auto d = s.date_arg("--date", o.date);
    if (!d) return ExitCode::usage;
    week = iso_week_of(*d);
  }
  // Every meeting's actions (the overdue ones can be years old), the week's minutes only.
  const KnowledgeBase* kb = s.kb(true, Session::Reads::actions);
  if (!kb) return ExitCode::failure;
  std::string name = report_template_name("weekly", *f);
  auto tpl = load_template(s, o.tpl, name);
  if (!tpl) return ExitCode::failure;
  WeeklyBriefing b = build_weekly(*kb, week);
  std::vector<NodeId> met;
  for (const auto& m : b.meetings) met.push_back(m.id);
  s.with_minutes(met);
  std::optional<std::string> svg;
  if (*f == ReportFormat::html && !b.meetings.empty() && find_dot()) {
    svg = render_svg_with_dot(weekly_graph_dot(*kb, b));
    if (!svg) svg = std::string();  // dot is there but failed: the report says so
  }
  if (b.meetings.empty()) s.note(fmt::format("no meetings in {}", to_string(week)));
  return emit(s, o, *tpl, weekly_data(*kb, b, *f, svg), *f, name);
}

ExitCode run_brief(Session& s, const ReportOptions& o) {
  auto f = report_format(s, o.output);
  if (!f) return ExitCode::usage;
  const KnowledgeBase* kb = s.kb(true, Session::Reads::graph);
  if (!kb) return ExitCode::failure;
  auto id = resolve_any_one(s, *kb, o.name);
  if (!id) return ExitCode::failure;
  RecordType t = kb->at(*id).type;
  if (t == RecordType::meeting || t == RecordType::note) {
    s.error(fmt::format("'{}' is a {}; a brief is about a person, organization, topic or event (try 'kb show')", o.name,
                        to_string(t)));
    return ExitCode::failure;
  }
  std::string name = report_template_name("brief", *f);
  auto tpl = load_template(s, o.tpl, name);
  if (!tpl) return ExitCode::failure;
  return emit(s, o, *tpl, brief_data(*kb, build_profile(*kb, *id, s.today()), *f), *f, name);
}

}  // namespace

void add_report_command(CLI::App& app, Invocation& inv) {
  CLI::App* report = app.add_subcommand("report", "Briefing documents: the weekly briefing and a one-page dossier");
  report->require_subcommand(1);

  auto w = std::make_shared<ReportOptions>();
  CLI::App* weekly = report->add_subcommand("weekly", "The weekly briefing of one ISO week (default: this week)");
  weekly->add_option("--week", w->week, "The WEEK (2024-W36, this week, last week)");
  weekly->add_option("--date", w->date, "The week that contains this DATE");
  weekly->add_option("--template", w->tpl, "A Mustache template to use instead of the built-in one");
  weekly->add_option("-o,--output", w->output, "Write to FILE (whole or not at all) instead of stdout");
  add_audience_option(weekly, w->audience);
  weekly->callback([w, &inv] {
    inv.run = [w](Session& s) {
      s.audience = w->audience;
      return run_weekly(s, *w);
    };
  });

  auto b = std::make_shared<ReportOptions>();
  CLI::App* brief = report->add_subcommand("brief", "A one-page dossier on a person, organization, topic or event");
  brief->add_option("name", b->name, "A name, alias or record id")->required();
  brief->add_option("--template", b->tpl, "A Mustache template to use instead of the built-in one");
  brief->add_option("-o,--output", b->output, "Write to FILE (whole or not at all) instead of stdout");
  add_audience_option(brief, b->audience);
  brief->callback([b, &inv] {
    inv.run = [b](Session& s) {
      s.audience = b->audience;
      return run_brief(s, *b);
    };
  });
}

}  // namespace kb::cli
