#pragma once
// kb's --help (private to src/cli): named placeholders, wrapped descriptions, the global
// options each command takes and examples.

namespace CLI {
class App;
}

#include <cstddef>
#include <string>

namespace kb::cli {

/// `text` wrapped at word boundaries to `width` columns, every line after the first indented
/// by `indent` spaces (the first is where the caller's column starts); its line breaks kept.
std::string wrap(const std::string& text, std::size_t indent, std::size_t width);

/// Gives `app` and every command under it kb's help formatter and placeholders that name
/// what each value is (DATE, NAME, WEEK). Call once every command is registered.
void dress_help(CLI::App& app);

}  // namespace kb::cli
