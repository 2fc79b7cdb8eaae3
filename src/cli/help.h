#pragma once
// kb's --help (private to src/cli): named placeholders, wrapped descriptions, the global
// options each command takes and examples.

namespace CLI {
class App;
}

namespace kb::cli {

/// Gives `app` and every command under it kb's help formatter and placeholders that name
/// what each value is (DATE, NAME, WEEK). Call once every command is registered.
void dress_help(CLI::App& app);

}  // namespace kb::cli
