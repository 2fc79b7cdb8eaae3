#pragma once
// `kb --version`: kb's version and the versions of the libraries it was built with.
#include <string>

namespace kb::cli {
std::string version_text();
}
