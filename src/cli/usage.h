#pragma once
// Usage errors and help in kb's voice (private to src/cli): every error of the option parser
// starts with "kb: error:", names what the user typed, suggests the nearest option or command
// and points at `kb COMMAND --help`; a bare `kb` prints the short usage; `kb help [COMMAND]`.

namespace CLI {
class App;
class ParseError;
}  // namespace CLI

namespace kb::cli {

/// Handles `kb` alone and `kb help [COMMAND]` before parsing: true (with `exit_code` set) when
/// it did.
bool handle_help(CLI::App& app, int argc, char** argv, int& exit_code);
/// Reports a parse error of `app` for `argv` in kb's voice and returns the exit code (0 for
/// --help and --version, which it prints, 2 otherwise).
int report_parse_error(CLI::App& app, const CLI::ParseError& e, int argc, char** argv);

}  // namespace kb::cli
