// The table of commands, in help order (ninja's kTools[]): every command is found here.
#include <CLI/CLI.hpp>

#include "commands.h"
#include "session.h"

namespace kb::cli {
namespace {

struct CommandEntry {
  const char* name;
  void (*add)(CLI::App&, Invocation&);
};

constexpr CommandEntry kCommands[] = {
    {"init", add_init_command},
    {"add", add_add_command},
    {"edit", add_edit_command},
    {"alias", add_alias_command},
    {"rename", add_rename_command},
    {"merge", add_merge_command},
    {"query", add_query_command},
    {"search", add_search_command},
    {"list", add_list_command},
    {"show", add_show_command},
    {"related", add_related_command},
    {"path", add_path_command},
    {"actions", add_actions_command},
    {"decisions", add_decisions_command},
    {"stale", add_stale_command},
    {"today", add_today_command},
    {"report", add_report_command},
    {"graph", add_graph_command},
    {"import", add_import_command},
    {"export", add_export_command},
    {"serve", add_serve_command},
    {"check", add_check_command},
    {"cache", add_cache_command},
    {"completion", add_completion_command},
};

}  // namespace

void add_commands(CLI::App& app, Invocation& inv, GlobalOptions&) {
  for (const auto& c : kCommands) c.add(app, inv);
}

}  // namespace kb::cli
