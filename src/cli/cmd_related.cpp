// kb related: being built for issue 4; registers nothing yet.
#include "commands.h"

namespace kb::cli {

void add_related_command(CLI::App&, Invocation&) {}

}  // namespace kb::cli
