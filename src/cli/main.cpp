// kb: the command-line entry point. Parses the command line, runs the chosen command, owns
// the exit codes (0 ok, 1 failure, 2 usage).
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <exception>
#include <iostream>
#include <ostream>
#include <string>

#include <CLI/CLI.hpp>

#include "kb/base/text.h"
#include "commands.h"
#include "fd_stream.h"
#include "help.h"
#include "session.h"
#include "terminal.h"
#include "usage.h"
#include "version.h"

namespace {

// Output errors are errors: a full disk or a closed pipe (with SIGPIPE ignored) must not end
// in exit 0 with a cut answer.
// A pager the user quit early took what they wanted: the rest is dropped, and that is no error.
bool output_written(std::ostream& out, kb::cli::PagedOutBuf& buf) {
  buf.finish();
  if (buf.error() == 0 && (out || buf.paging())) return true;
  std::cerr << "kb: error: cannot write to standard output: " << std::strerror(buf.error() ? buf.error() : EIO)
            << '\n';
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  CLI::App app{"kb: a knowledge base over Markdown meeting notes.\n"
               "Answers who met whom, when and about what; lists actions and decisions; writes briefings.",
               "kb"};
  app.require_subcommand(1);
  app.fallthrough();
  kb::cli::GlobalOptions globals;
  app.add_option("--kb", globals.kb_dir, "The knowledge base folder (else $KB_DIR, a kb.yaml here or above, ./records)")
      ->type_name("DIR");
  app.add_option("--format", globals.format, "Output: table, json, jsonl, csv, md, ids (reports: md, html; graph: dot, json, graphml, mermaid, svg)")
      ->check(CLI::Validator([](std::string& v) { return v.empty() ? std::string("must not be empty") : std::string(); },
                             ""))
      ->type_name("FORMAT");
  app.add_option("--color", globals.color, "Color: auto, always, never (NO_COLOR is honoured)")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->type_name("WHEN");
  app.add_flag("-q,--quiet", globals.quiet, "Print no notes on stderr, only errors");
  app.add_flag("-v,--verbose", globals.verbose,
               "Print every problem of the notes loaded, and which files and cache were used");
  app.add_flag("--bom", globals.bom, "Start CSV output with a UTF-8 byte-order mark, for Excel (or csv_bom: true in kb.yaml)");
  app.add_option("--fields", globals.fields, "The columns of a table, CSV or Markdown table, in order: date,title,attendees")
      ->type_name("A,B,C");
  app.add_flag("--no-pager", globals.no_pager, "Print long output without a pager ($KB_PAGER, $PAGER, less)");
  app.add_flag("--no-cache", globals.no_cache, "Read every note afresh, ignoring the index cache");
  app.set_version_flag("--version", kb::cli::version_text());
  kb::cli::Invocation inv;
  kb::cli::add_commands(app, inv, globals);
  kb::cli::dress_help(app);
  if (int rc = 0; kb::cli::handle_help(app, argc, argv, rc)) return rc;
  try {
    std::vector<std::string> args = kb::cli::search_words_as_values(app, argc, argv);
    std::reverse(args.begin(), args.end());  // as CLI11 reads them
    app.parse(args);
  } catch (const CLI::ParseError& e) {
    return kb::cli::report_parse_error(app, e, argc, argv);
  }
  if (!inv.run) return 2;
  try {
    // Long output on a terminal goes through a pager, as git's does; piped output never.
    const std::size_t rows = globals.no_pager ? 0 : kb::cli::terminal_size(STDOUT_FILENO).rows;
    kb::cli::PagedOutBuf out_buf(rows ? kb::cli::pager_command() : std::string(), rows, std::cerr);
    std::ostream out(&out_buf);
    kb::cli::Session session(globals, out, std::cerr);
    int rc = static_cast<int>(inv.run(session));
    return output_written(out, out_buf) ? rc : 1;
  } catch (const kb::UnknownField& e) {
    std::cerr << "kb: error: " << e.what() << '\n';
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "kb: internal error: " << e.what() << '\n';
    return 1;
  }
}
