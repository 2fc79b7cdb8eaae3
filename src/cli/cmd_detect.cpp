// kb init --detect: being built for issue 7.
#include "detect.h"

namespace kb::cli {

ExitCode run_detect(Session& s, const std::string&, bool) {
  s.error("'kb init --detect' is not available in this build");
  return ExitCode::failure;
}

}  // namespace kb::cli
