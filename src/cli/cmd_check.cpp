// kb check: every problem in the KB, as path:line:col: severity: message.
#include <memory>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "commands.h"
#include "kb/model/config_check.h"
#include "kb/model/names.h"
#include "session.h"

namespace kb::cli {
namespace {

struct CheckOptions {
  bool strict = false;
};

ExitCode run_check(Session& s, const CheckOptions& o) {
  auto fmt = s.format(OutputFormat::table, {OutputFormat::table, OutputFormat::json, OutputFormat::jsonl});
  if (!fmt) return ExitCode::usage;
  const KnowledgeBase* kb = s.kb(false, Session::Reads::outline);
  if (!kb) return ExitCode::failure;
  const LoadResult& r = s.load_result();
  DiagSink diags = r.diags;
  // Names that a command given a name must choose between; the warning points at the `name:`
  // of the one it does not choose, read from its note (an outline load keeps no front matter).
  for (const auto& n : find_names_across_types(*kb)) {
    s.with_text(n.other);
    report_name_across_types(*kb, n, diags);
  }
  check_config(*kb, diags);
  diags.sort();
  if (is_json(*fmt)) {
    render_diagnostics_json(s.out, diags.all(), *fmt == OutputFormat::jsonl);
  } else {
    for (const auto& d : diags.all()) s.out << to_string(d) << '\n';
  }
  std::size_t errors = diags.error_count(), warnings = diags.warning_count();
  std::string summary = fmt::format("{} {} checked: {} {}, {} {}", r.files, r.files == 1 ? "file" : "files", errors,
                                    errors == 1 ? "error" : "errors", warnings, warnings == 1 ? "warning" : "warnings");
  if (!r.skipped.empty()) summary += fmt::format(", {} skipped", r.skipped.size());
  s.note(summary);
  if (errors > 0 || (o.strict && warnings > 0)) return ExitCode::failure;
  return ExitCode::ok;
}

}  // namespace

void add_check_command(CLI::App& app, Invocation& inv) {
  auto o = std::make_shared<CheckOptions>();
  CLI::App* sub = app.add_subcommand("check", "Validate the whole KB; print every problem as path:line:col: error|warning: message");
  sub->add_flag("--strict", o->strict, "Warnings fail the check too");
  sub->callback([o, &inv] { inv.run = [o](Session& s) { return run_check(s, *o); }; });
}

}  // namespace kb::cli
