// kb add: being built for issue 3; registers nothing yet.
#include "commands.h"

namespace kb::cli {

void add_add_command(CLI::App&, Invocation&) {}

}  // namespace kb::cli
