#pragma once
// The files of src/serve/assets, embedded at build time (cmake/embed_assets.cmake). Private to src/serve.

#include <string>

namespace kb::serve {

/// The embedded asset `name` ("kb.css", "home.html.mustache"), or nullptr.
const char* lookup_asset(const std::string& name);

}  // namespace kb::serve
