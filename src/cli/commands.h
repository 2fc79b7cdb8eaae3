#pragma once
// One register function per command; each lives in its own cmd_*.cpp. Private to src/cli.

#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace kb::cli {

struct Invocation;

void add_init_command(CLI::App& app, Invocation& inv);
void add_add_command(CLI::App& app, Invocation& inv);
void add_edit_command(CLI::App& app, Invocation& inv);
void add_alias_command(CLI::App& app, Invocation& inv);
void add_rename_command(CLI::App& app, Invocation& inv);
void add_merge_command(CLI::App& app, Invocation& inv);
void add_query_command(CLI::App& app, Invocation& inv);
void add_search_command(CLI::App& app, Invocation& inv);
void add_list_command(CLI::App& app, Invocation& inv);
void add_show_command(CLI::App& app, Invocation& inv);
void add_related_command(CLI::App& app, Invocation& inv);
void add_path_command(CLI::App& app, Invocation& inv);
void add_actions_command(CLI::App& app, Invocation& inv);
void add_decisions_command(CLI::App& app, Invocation& inv);
void add_stale_command(CLI::App& app, Invocation& inv);
void add_today_command(CLI::App& app, Invocation& inv);
void add_report_command(CLI::App& app, Invocation& inv);
void add_graph_command(CLI::App& app, Invocation& inv);
void add_import_command(CLI::App& app, Invocation& inv);
void add_export_command(CLI::App& app, Invocation& inv);
void add_serve_command(CLI::App& app, Invocation& inv);
void add_check_command(CLI::App& app, Invocation& inv);
void add_cache_command(CLI::App& app, Invocation& inv);
void add_completion_command(CLI::App& app, Invocation& inv);
/// The arguments (argv without the program name) as `app` is to parse them: in `kb search`,
/// a word that starts with one dash (`-draft`, "not draft") is a search word, not an unknown
/// option. It gets a leading space, which CLI11 reads as a plain value and the search syntax
/// as the space between words. Options (-h, -q, -v, --org ...) and their values stay as they
/// are, and so does everything after `--`. Example: `search budget -draft --limit 5` ->
/// {"search", "budget", " -draft", "--limit", "5"}.
std::vector<std::string> search_words_as_values(const CLI::App& app, int argc, const char* const* argv);
/// `kb add affiliation PERSON --org ORG --since DATE`: registered by cmd_add.cpp on `add`.
void add_add_affiliation_command(CLI::App& add, Invocation& inv);
/// `kb actions done|cancel|reopen|due|reassign|add`: registered by cmd_actions.cpp on its
/// `actions` subcommand.
void add_actions_edit_commands(CLI::App& actions, Invocation& inv);

}  // namespace kb::cli
