#pragma once
// Graphviz as a subprocess: `dot -Tsvg` renders a DOT text to SVG when `dot` is on PATH. No
// shell is involved; the child gets the DOT on stdin and is killed when it runs too long.

#include <optional>
#include <string>
#include <string_view>

namespace kb {

/// The full path of `dot` found on $PATH, or std::nullopt.
std::optional<std::string> find_dot();

/// Runs `dot -Tsvg` on `dot_source` and returns the SVG document. std::nullopt when `dot` is
/// not on PATH, cannot be started, exits with an error, or has not finished after
/// `timeout_ms` milliseconds (it is then killed).
std::optional<std::string> render_svg_with_dot(std::string_view dot_source, int timeout_ms = 20000);

}  // namespace kb
