// kb actions done: being built for issue 3; registers nothing yet.
#include "commands.h"

namespace kb::cli {

void add_actions_done_command(CLI::App&, Invocation&) {}

}  // namespace kb::cli
