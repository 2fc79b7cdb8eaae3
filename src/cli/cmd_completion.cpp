// kb completion: being built for issue 7; registers nothing yet.
#include "commands.h"

namespace kb::cli {

void add_completion_command(CLI::App&, Invocation&) {}

}  // namespace kb::cli
