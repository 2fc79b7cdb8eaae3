// kb report: being built for issue 4; registers nothing yet.
#include "commands.h"

namespace kb::cli {

void add_report_command(CLI::App&, Invocation&) {}

}  // namespace kb::cli
