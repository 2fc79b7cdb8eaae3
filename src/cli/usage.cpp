#include "usage.h"

#include <algorithm>
#include <iostream>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "help.h"
#include "kb/base/text.h"

namespace kb::cli {
namespace {

// The nearest of `names` to `typed` (at most two edits away), or "".
std::string nearest(const std::string& typed, const std::vector<std::string>& names) {
  std::string best;
  std::size_t best_d = 3;
  for (const auto& n : names) {
    const std::size_t d = edit_distance(typed, n, 2);
    if (d < best_d) best_d = d, best = n;
  }
  return best;
}

std::vector<std::string> command_list(const CLI::App& app) {
  std::vector<std::string> out;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) out.push_back(sub->get_name());
  return out;
}

// Every long option `app` and its parents take ("--org"), for suggestions.
std::vector<std::string> long_options(const CLI::App* app) {
  std::vector<std::string> out;
  for (; app; app = app->get_parent())
    for (const CLI::Option* o : app->get_options())
      for (const auto& name : o->get_lnames()) out.push_back("--" + name);
  return out;
}

// The innermost command the user chose ("kb actions done"), or none.
const CLI::App* chosen(const CLI::App& app) {
  const CLI::App* at = &app;
  for (;;) {
    auto subs = at->get_subcommands();
    if (subs.empty()) return at == &app ? nullptr : at;
    at = subs.front();
  }
}

std::string command_path(const CLI::App* sub) {
  std::string path;
  for (; sub && sub->get_parent(); sub = sub->get_parent()) path = sub->get_name() + (path.empty() ? "" : " " + path);
  return "kb" + (path.empty() ? "" : " " + path);
}

void short_usage(const CLI::App& app, std::ostream& out) {
  out << "usage: kb [--kb DIR] [--format FORMAT] [-q|-v] COMMAND [ARGS...]\n\ncommands:\n";
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    std::string name = sub->get_name();
    out << "  " << name << std::string(name.size() < 12 ? 12 - name.size() : 1, ' ')
        << wrap(sub->get_description(), 14, 80) << '\n';
  }
  out << "\n'kb COMMAND --help' (or 'kb help COMMAND') says more about each.\n";
}

}  // namespace

bool handle_help(CLI::App& app, int argc, char** argv, int& exit_code) {
  if (argc == 1) {
    short_usage(app, std::cerr);
    exit_code = 2;
    return true;
  }
  if (std::string(argv[1]) != "help") return false;
  if (argc == 2) {
    std::cout << app.help();
    exit_code = 0;
    return true;
  }
  CLI::App* at = &app;
  for (int i = 2; i < argc; ++i) {
    CLI::App* next = nullptr;
    try {
      next = at->get_subcommand(argv[i]);
    } catch (const CLI::OptionNotFound&) {
    }
    if (!next) {
      const std::string best = nearest(argv[i], command_list(*at));
      std::cerr << fmt::format("kb: error: no command '{}' in '{}'{}; see 'kb --help'\n", argv[i], command_path(at),
                               best.empty() ? "" : fmt::format(" (did you mean '{}'?)", best));
      exit_code = 2;
      return true;
    }
    at = next;
  }
  // help(prev) names the command as `kb COMMAND --help` does ("Usage: kb actions done").
  const CLI::App* parent = at->get_parent();
  std::cout << (parent ? at->help(command_path(parent)) : at->help());
  exit_code = 0;
  return true;
}

namespace {

// The words CLI11 could not take, from its message ("The following arguments were not
// expected: X --ogr").
std::vector<std::string> extras_of(const CLI::ParseError& e) {
  std::vector<std::string> out;
  const std::string what = e.what();
  const auto colon = what.find(": ");
  if (colon == std::string::npos) return out;
  std::string word;
  for (char c : what.substr(colon + 2)) {
    if (c == ' ') {
      if (!word.empty()) out.push_back(std::move(word));
      word.clear();
    } else {
      word += c;
    }
  }
  if (!word.empty()) out.push_back(std::move(word));
  return out;
}

// The first word of `argv` where a command goes (values of the global options skipped).
std::string first_word(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--kb" || a == "--format" || a == "--color") {
      ++i;
      continue;
    }
    if (!a.empty() && a[0] != '-') return a;
  }
  return "";
}

int unknown_command(const CLI::App& app, const CLI::App* sub, const std::string& word) {
  const std::string best = nearest(word, command_list(sub ? *sub : app));
  std::cerr << fmt::format("kb: error: unknown command '{}'{}{}; see '{} --help'\n", terminal_safe(word),
                           sub ? fmt::format(" for '{}'", command_path(sub)) : std::string(),
                           best.empty() ? "" : fmt::format(" (did you mean '{}'?)", best), command_path(sub));
  return 2;
}

}  // namespace

int report_parse_error(CLI::App& app, const CLI::ParseError& e, int argc, char** argv) {
  if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version
  const CLI::App* sub = chosen(app);
  const std::string where = command_path(sub);
  const std::string more = fmt::format("see '{} --help'", where);
  if (dynamic_cast<const CLI::ExtrasError*>(&e)) {
    const std::vector<std::string> options = long_options(sub ? sub : &app);
    for (const std::string& extra : extras_of(e)) {
      if (extra.size() > 1 && extra[0] == '-') {
        const std::string name = extra.substr(0, extra.find('='));
        const std::string best = nearest(name, options);
        std::cerr << fmt::format("kb: error: unknown option '{}' for '{}'{}; {}\n", terminal_safe(name), where,
                                 best.empty() ? "" : fmt::format(" (did you mean '{}'?)", best), more);
        return 2;
      }
    }
    const std::vector<std::string> extras = extras_of(e);
    if (!extras.empty() && (!sub || !command_list(*sub).empty())) return unknown_command(app, sub, extras.front());
    std::cerr << "kb: error: unexpected '" << terminal_safe(extras.empty() ? e.what() : extras.front()) << "' for '"
              << where << "'; " << more << '\n';
    return 2;
  }
  if (dynamic_cast<const CLI::RequiredError*>(&e) && !sub) {
    if (const std::string word = first_word(argc, argv); !word.empty()) return unknown_command(app, nullptr, word);
    short_usage(app, std::cerr);
    return 2;
  }
  std::cerr << "kb: error: " << terminal_safe(e.what()) << "; " << more << '\n';
  return 2;
}

}  // namespace kb::cli
