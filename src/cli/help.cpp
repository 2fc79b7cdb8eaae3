// `kb COMMAND --help` in kb's voice: placeholders that say what a value is (DATE, NAME,
// WEEK), descriptions wrapped to 80 columns, then the global options the command takes
// (--format with the formats it writes) and a few examples.
#include "help.h"

#include <cctype>
#include <map>
#include <memory>
#include <sstream>

#include <CLI/CLI.hpp>

namespace kb::cli {
namespace {

constexpr std::size_t kWidth = 80;
constexpr std::size_t kColumn = 28;

// What a flag's value is, by the flag's name (one table for every command).
const std::map<std::string, std::string>& placeholders() {
  static const std::map<std::string, std::string> names = {
      {"--since", "DATE"},    {"--until", "DATE"},       {"--date", "DATE"},     {"--due", "DATE"},
      {"--due-before", "DATE"}, {"--today", "DATE"},     {"--start", "DATE"},    {"--end", "DATE"},
      {"--week", "WEEK"},     {"--org", "ORG"},          {"--parent", "ORG"},    {"--person", "NAME"},
      {"--owner", "NAME"},    {"--attendee", "NAME"},    {"--name", "NAME"},     {"--topic", "TOPIC"},
      {"--tag", "TAG"},       {"--event", "EVENT"},      {"--text", "WORDS"},    {"--where", "KEY=VALUE"},
      {"--has", "KEY"},       {"--template", "FILE"},    {"--output", "FILE"},   {"--kb", "DIR"},
      {"--time", "HH:MM"},    {"--title", "TITLE"},      {"--location", "PLACE"}, {"--role", "ROLE"},
      {"--alias", "ALIAS"},   {"--honorific", "WORD"},   {"--kind", "KIND"},     {"--timezone", "ZONE"},
      {"--days", "N"},        {"--limit", "N"},          {"--port", "PORT"},     {"--bind", "ADDRESS"}};
  return names;
}

struct Extra {
  std::string formats;  ///< what --format takes here ("" : the command writes no listing)
  std::vector<std::string> examples;
};

// The formats and examples of each command, by its path ("report weekly").
const std::map<std::string, Extra>& extras() {
  static const std::map<std::string, Extra> table = {
      {"query", {"table, json, jsonl, csv, md, ids",
                 {"kb query --org IESALC --since 2024-09-01", "kb query --person \"Francesc Pedró\" --format json",
                  "kb query --text budget --text -draft --explain"}}},
      {"search", {"table, json, jsonl, csv, md, ids",
                  {"kb search \"concept note\"", "kb search budget --org IESALC -draft"}}},
      {"list", {"table, json, jsonl, csv, md, ids",
                {"kb list people --org UNESCO", "kb list orgs --fields name,last_met --format csv"}}},
      {"show", {"table, json", {"kb show \"Sobhi Tawil\"", "kb show IESALC --format json"}}},
      {"related", {"table, json, jsonl, csv, md, ids", {"kb related IESALC", "kb related \"Sobhi Tawil\" --limit 5"}}},
      {"path", {"table, json", {"kb path \"Sobhi Tawil\" \"LIU Yufeng\""}}},
      {"actions", {"table, json, jsonl, csv, md, ids",
                   {"kb actions --owner me --overdue", "kb actions --format ids | fzf | xargs kb actions done"}}},
      {"decisions", {"table, json, jsonl, csv, md, ids", {"kb decisions --org IESALC --since -30d"}}},
      {"stale", {"table, json, jsonl, csv, md, ids", {"kb stale --days 60"}}},
      {"today", {"", {"kb today", "kb agenda --days 7 --owner me"}}},
      {"report weekly", {"md, html (or the -o FILE's extension)",
                         {"kb report weekly --week last-week -o week.html", "kb report weekly --audience external"}}},
      {"report brief", {"md, html (or the -o FILE's extension)", {"kb report brief IESALC -o iesalc.html"}}},
      {"graph", {"dot, json, graphml, mermaid, svg (or the -o FILE's extension)",
                 {"kb graph --org IESALC -o iesalc.svg", "kb graph --format graphml > kb.graphml"}}},
      {"export", {"", {"kb export ics meetings.ics", "kb export sqlite kb.db --audience external"}}},
      {"check", {"table, json, jsonl", {"kb check", "kb check --strict --format json"}}},
      {"add meeting", {"", {"kb add meeting --title \"Call with IESALC\" --date tomorrow --org IESALC"}}},
      {"import ics", {"", {"kb import ics calendar.ics --since 2024-09-01 --dry-run"}}},
      {"serve", {"", {"kb serve --open", "kb serve --write --port 8090"}}},
      {"rename", {"", {"kb rename \"Old Name\" \"New Name\" --dry-run"}}},
      {"init", {"", {"kb init notes", "kb init --detect"}}},
      {"edit", {"", {"kb edit \"Sobhi Tawil\""}}},
      {"alias add", {"", {"kb alias add IESALC \"UNESCO IESALC\""}}},
      {"add person", {"", {"kb add person --name \"Ana Bell\" --org IESALC --role Director --honorific Ms."}}},
      {"add org", {"", {"kb add org --name \"Partner Institute\" --parent UNESCO"}}},
      {"add topic", {"", {"kb add topic --name \"Open science\""}}},
      {"add event", {"", {"kb add event --name \"Digital Learning Week\" --start 2024-09-02 --end 2024-09-05"}}},
      {"add affiliation", {"", {"kb add affiliation \"Ana Bell\" --org UNESCO --role Chief --since 2024-10-01"}}},
      {"actions done", {"", {"kb actions done meetings/2024/2024-09-02-unesco-iesalc:24", "kb actions done \"send the report\""}}},
      {"actions cancel", {"", {"kb actions cancel meetings/2024/2024-09-02-unesco-iesalc:24"}}},
      {"actions reopen", {"", {"kb actions reopen meetings/2024/2024-09-02-unesco-iesalc:24"}}},
      {"actions due", {"", {"kb actions due \"send the report\" \"next friday\""}}},
      {"actions reassign", {"", {"kb actions reassign \"send the report\" --owner \"Ana Bell\""}}},
      {"actions add", {"", {"kb actions add meetings/2024/2024-09-02-unesco-iesalc \"Share the agenda\" --owner me --due +7d"}}},
      {"cache", {"", {"kb cache status", "kb cache clear"}}},
      {"completion", {"", {"source <(kb completion bash)", "kb completion zsh > ~/.zfunc/_kb"}}},
      {"merge", {"", {"kb merge \"F. Pedro\" \"Francesc Pedró\" --dry-run"}}},
  };
  return table;
}

std::string path_of(const CLI::App* app) {
  std::string path;
  for (; app && app->get_parent(); app = app->get_parent()) path = app->get_name() + (path.empty() ? "" : " " + path);
  return path;
}

class KbFormatter : public CLI::Formatter {
 public:
  KbFormatter() { column_width(kColumn); }

  std::string make_option(const CLI::Option* opt, bool is_positional) const override {
    std::string left = "  " + make_option_name(opt, is_positional) + make_option_opts(opt);
    const std::string desc = make_option_desc(opt);
    if (desc.empty()) return left + "\n";
    if (left.size() >= kColumn) left += "\n" + std::string(kColumn, ' ');
    else left.append(kColumn - left.size(), ' ');
    return left + wrap(desc, kColumn, kWidth) + "\n";
  }

  std::string make_subcommand(const CLI::App* sub) const override {
    std::string left = "  " + sub->get_display_name(true);
    if (left.size() >= kColumn) left += "\n" + std::string(kColumn, ' ');
    else left.append(kColumn - left.size(), ' ');
    return left + wrap(sub->get_description(), kColumn, kWidth) + "\n";
  }

  std::string make_description(const CLI::App* app) const override {
    const std::string d = app->get_description();
    return d.empty() ? std::string() : wrap(d, 0, kWidth) + "\n";
  }

  std::string make_footer(const CLI::App* app) const override {
    std::string out = CLI::Formatter::make_footer(app);
    if (!app->get_parent()) return out;
    const std::string path = path_of(app);
    const auto it = extras().find(path);
    out += std::string(out.empty() ? "" : "\n") + "Global options (before or after the command):\n";
    out += "  --kb DIR                  the KB folder (else $KB_DIR, a kb.yaml here or above)\n";
    if (it != extras().end() && !it->second.formats.empty())
      out += "  --format FORMAT           " + wrap(it->second.formats, kColumn, kWidth) + "\n";
    out += "  --color WHEN, -q, -v      colour (auto, always, never); quiet; verbose\n";
    out += "  --no-cache, --no-pager    read every note afresh; print without a pager\n";
    if (it != extras().end() && it->second.formats.find("csv") != std::string::npos)
      out += "  --fields A,B,C, --bom     the columns to show; CSV for Excel\n";
    if (it != extras().end() && !it->second.examples.empty()) {
      out += "\nExamples:\n";
      for (const auto& e : it->second.examples) out += "  " + e + "\n";
    }
    return out;
  }
};

// Every command (and `app`) with kb's formatter and named placeholders.
void dress(CLI::App* app, const std::shared_ptr<KbFormatter>& formatter) {
  app->formatter(formatter);
  for (CLI::Option* opt : app->get_options()) {
    if (opt->get_type_size() == 0 || opt->get_expected_max() == 0) continue;  // a flag
    for (const auto& l : opt->get_lnames()) {
      auto it = placeholders().find("--" + l);
      if (it != placeholders().end() && opt->get_type_name() == "TEXT") opt->type_name(it->second);
    }
    if (opt->get_lnames().empty() && opt->get_type_name() == "TEXT") {
      std::string name = opt->get_name();
      for (char& c : name) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      opt->type_name(name);
    }
  }
  for (CLI::App* sub : app->get_subcommands([](const CLI::App*) { return true; })) dress(sub, formatter);
}

}  // namespace

std::string wrap(const std::string& text, std::size_t indent, std::size_t width) {
  std::string out, line;
  std::istringstream words(text);
  auto flush = [&] {
    if (!out.empty()) out += "\n" + std::string(indent, ' ');
    out += line;
    line.clear();
  };
  for (std::string para; std::getline(words, para);) {
    std::istringstream in(para);
    for (std::string w; in >> w;) {
      if (!line.empty() && indent + line.size() + 1 + w.size() > width) flush();
      line += (line.empty() ? "" : " ") + w;
    }
    flush();
  }
  return out;
}

void dress_help(CLI::App& app) { dress(&app, std::make_shared<KbFormatter>()); }

}  // namespace kb::cli
