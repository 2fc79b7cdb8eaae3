// kb check: every problem in the KB, as path:line:col: severity: message.
#include <memory>

#include <CLI/CLI.hpp>

#include "commands.h"
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
  if (is_json(*fmt)) {
    render_diagnostics_json(s.out, r.diags.all(), *fmt == OutputFormat::jsonl);
  } else {
    for (const auto& d : r.diags.all()) s.out << to_string(d) << '\n';
  }
  std::size_t errors = r.diags.error_count(), warnings = r.diags.warning_count();
  std::string summary = std::to_string(r.files) + (r.files == 1 ? " file" : " files") + " checked: " +
                        std::to_string(errors) + (errors == 1 ? " error" : " errors") + ", " +
                        std::to_string(warnings) + (warnings == 1 ? " warning" : " warnings");
  if (!r.skipped.empty()) summary += ", " + std::to_string(r.skipped.size()) + " skipped";
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
