#pragma once
// `kb init --detect`: propose (and with --write, save) a kb.yaml field mapping for an
// existing vault. Private to src/cli; implemented in cmd_detect.cpp.

#include <string>

#include "session.h"

namespace kb::cli {

ExitCode run_detect(Session& s, const std::string& dir, bool write);

}  // namespace kb::cli
