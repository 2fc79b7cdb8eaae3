// kb completion bash|zsh|fish: a completion script generated from the command table itself
// (every command and flag CLI11 knows), so it never falls behind. Names of people,
// organizations, topics and events complete too: the script asks the KB at completion time
// through the hidden `kb completion --names TYPE`, passing on a `--kb DIR` from the line.
#include <algorithm>
#include <map>
#include <memory>
#include <set>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "commands.h"
#include "kb/base/text.h"
#include "session.h"

namespace kb::cli {
namespace {

struct CompletionOptions {
  std::string shell;
  std::string names;  ///< hidden: people, orgs, topics, events or all
};

struct OptInfo {
  std::string flag;  ///< "--org" or "-o"
  bool takes_value = false;
  std::string desc;
};

struct CmdInfo {
  std::string name, desc;
  std::vector<OptInfo> opts;
  std::vector<std::string> subs;  ///< nested subcommands (report weekly|brief)
};

// What the value after a flag is: a kind of name, a fixed word list, a file, a folder, or free.
std::string value_kind(const std::string& flag) {
  static const std::map<std::string, std::string> kinds = {
      {"--org", "orgs"},      {"--person", "people"}, {"--owner", "people"}, {"--attendee", "people"},
      {"--topic", "topics"},  {"--event", "events"},  {"--kb", "dir"},       {"--template", "file"},
      {"--output", "file"},   {"-o", "file"},         {"--format", "words:table json jsonl csv md ids html dot graphml mermaid svg"},
      {"--color", "words:auto always never"},         {"--sort", "words:date -date"},
      {"--week", "words:this-week last-week next-week"},
      {"--since", "words:today yesterday tomorrow"},  {"--until", "words:today yesterday tomorrow"},
      {"--due", "words:today tomorrow next-friday"},  {"--due-before", "words:today tomorrow next-friday"},
      {"--date", "words:today tomorrow yesterday"},   {"--today", "words:today yesterday tomorrow"}};
  auto it = kinds.find(flag);
  return it == kinds.end() ? std::string() : it->second;
}

// Words that a command takes as its first positional argument.
std::string positional_words(const std::string& cmd) {
  if (cmd == "list") return "people orgs topics events meetings series";
  if (cmd == "export") return "ics sqlite neo4j";
  if (cmd == "completion") return "bash zsh fish";
  return "";
}

bool positional_is_name(const std::string& cmd) { return cmd == "show" || cmd == "related" || cmd == "path"; }

std::string short_desc(std::string d) {
  std::size_t nl = d.find('\n');
  if (nl != std::string::npos) d.resize(nl);
  std::size_t colon = d.find(": ");
  if (colon != std::string::npos && colon > 8) d.resize(colon);
  if (d.size() > 70) d = d.substr(0, 67) + "...";
  return d;
}

void collect_options(const CLI::App* app, std::vector<OptInfo>& out) {
  for (const CLI::Option* opt : app->get_options()) {
    if (opt->get_group().empty()) continue;  // hidden
    // A flag (add_flag) expects no value; its type size is still 1.
    bool value = opt->get_type_size() != 0 && opt->get_expected_max() != 0;
    std::vector<std::string> flags;
    for (const auto& l : opt->get_lnames()) flags.push_back("--" + l);
    for (const auto& s : opt->get_snames()) flags.push_back("-" + s);
    for (const auto& f : flags)
      if (std::none_of(out.begin(), out.end(), [&](const OptInfo& o) { return o.flag == f; }))
        out.push_back({f, value, short_desc(opt->get_description())});
  }
}

std::vector<CmdInfo> describe(const CLI::App& root, std::vector<OptInfo>& globals) {
  collect_options(&root, globals);
  std::vector<CmdInfo> cmds;
  for (const CLI::App* sub : root.get_subcommands([](const CLI::App*) { return true; })) {
    CmdInfo c{sub->get_name(), short_desc(sub->get_description()), {}, {}};
    collect_options(sub, c.opts);
    for (const CLI::App* nested : sub->get_subcommands([](const CLI::App*) { return true; })) {
      c.subs.push_back(nested->get_name());
      collect_options(nested, c.opts);
    }
    cmds.push_back(std::move(c));
  }
  return cmds;
}

std::string join_flags(const std::vector<OptInfo>& opts) {
  std::string out;
  for (const auto& o : opts) out += (out.empty() ? "" : " ") + o.flag;
  return out;
}

// Every flag that takes a value, as a shell case pattern (`--org|--person|...`).
std::string value_flags(const std::vector<OptInfo>& globals, const std::vector<CmdInfo>& cmds) {
  std::set<std::string> flags;
  for (const auto& o : globals)
    if (o.takes_value) flags.insert(o.flag);
  for (const auto& c : cmds)
    for (const auto& o : c.opts)
      if (o.takes_value) flags.insert(o.flag);
  std::string out;
  for (const auto& f : flags) out += (out.empty() ? "" : "|") + f;
  return out;
}

std::string cmd_names(const std::vector<CmdInfo>& cmds) {
  std::string out;
  for (const auto& c : cmds) out += (out.empty() ? "" : " ") + c.name;
  return out;
}

// The `case "$prev"` arms shared by bash and zsh (the body of each arm differs).
struct ValueArms {
  std::vector<std::pair<std::string, std::string>> arms;  // pattern, kind
};

ValueArms value_arms(const std::vector<OptInfo>& globals, const std::vector<CmdInfo>& cmds) {
  std::map<std::string, std::set<std::string>> by_kind;
  auto add = [&](const OptInfo& o) {
    if (!o.takes_value) return;
    std::string kind = value_kind(o.flag);
    by_kind[kind.empty() ? "free" : kind].insert(o.flag);
  };
  for (const auto& o : globals) add(o);
  for (const auto& c : cmds)
    for (const auto& o : c.opts) add(o);
  ValueArms v;
  for (const auto& [kind, flags] : by_kind) {
    std::string pat;
    for (const auto& f : flags) pat += (pat.empty() ? "" : "|") + f;
    v.arms.emplace_back(pat, kind);
  }
  return v;
}

std::string bash_script(const std::vector<OptInfo>& globals, const std::vector<CmdInfo>& cmds) {
  std::string s =
      "# bash completion for kb (generated by 'kb completion bash')\n"
      "# Load it with: source <(kb completion bash)\n"
      "_kb_names() {\n"
      "  local IFS=$'\\n' kbdir=() i n\n"
      "  for ((i = 1; i < ${#COMP_WORDS[@]} - 1; i++)); do\n"
      "    [[ ${COMP_WORDS[i]} == --kb ]] && kbdir=(--kb \"${COMP_WORDS[i+1]}\")\n"
      "  done\n"
      "  COMPREPLY=()\n"
      "  for n in $(command kb \"${kbdir[@]}\" completion --names \"$1\" 2>/dev/null); do\n"
      "    [[ ${n,,} == \"${cur,,}\"* ]] && COMPREPLY+=(\"$(printf '%q' \"$n\")\")\n"
      "  done\n"
      "}\n\n"
      "_kb() {\n"
      "  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}\n"
      "  local cmd='' sub='' i w\n"
      "  for ((i = 1; i < COMP_CWORD; i++)); do\n"
      "    w=${COMP_WORDS[i]}\n"
      "    case $w in\n"
      "      " + value_flags(globals, cmds) + ") ((i++)); continue ;;\n"
      "      -*) continue ;;\n"
      "    esac\n"
      "    if [[ -z $cmd ]]; then cmd=$w; elif [[ -z $sub ]]; then sub=$w; fi\n"
      "  done\n"
      "  case $prev in\n";
  for (const auto& [pat, kind] : value_arms(globals, cmds).arms) {
    s += "    " + pat + ") ";
    if (kind == "dir") s += "COMPREPLY=($(compgen -d -- \"$cur\"))";
    else if (kind == "file") s += "COMPREPLY=($(compgen -f -- \"$cur\"))";
    else if (kind.rfind("words:", 0) == 0) s += "COMPREPLY=($(compgen -W \"" + kind.substr(6) + "\" -- \"$cur\"))";
    else if (kind == "free") s += "COMPREPLY=()";
    else s += "_kb_names " + kind;
    s += "; return ;;\n";
  }
  s += "  esac\n"
       "  if [[ -z $cmd ]]; then\n"
       "    COMPREPLY=($(compgen -W \"" + cmd_names(cmds) + " " + join_flags(globals) + "\" -- \"$cur\"))\n"
       "    return\n"
       "  fi\n"
       "  local opts=''\n"
       "  case $cmd in\n";
  for (const auto& c : cmds) s += "    " + c.name + ") opts=\"" + join_flags(c.opts) + "\" ;;\n";
  s += "  esac\n"
       "  if [[ $cur == -* ]]; then\n"
       "    COMPREPLY=($(compgen -W \"$opts\" -- \"$cur\"))\n"
       "    return\n"
       "  fi\n"
       "  case $cmd in\n";
  for (const auto& c : cmds) {
    std::string words = positional_words(c.name);
    std::string subs;
    for (const auto& n : c.subs) subs += (subs.empty() ? "" : " ") + n;
    if (!words.empty())
      s += "    " + c.name + ") [[ -z $sub ]] && COMPREPLY=($(compgen -W \"" + words + "\" -- \"$cur\")) || COMPREPLY=($(compgen -f -- \"$cur\")) ;;\n";
    else if (!subs.empty())
      s += "    " + c.name + ") if [[ -z $sub ]]; then COMPREPLY=($(compgen -W \"" + subs +
           "\" -- \"$cur\")); elif [[ $sub == brief ]]; then _kb_names all; fi ;;\n";
    else if (positional_is_name(c.name))
      s += "    " + c.name + ") _kb_names all ;;\n";
    else if (c.name == "init")
      s += "    init) COMPREPLY=($(compgen -d -- \"$cur\")) ;;\n";
  }
  s += "  esac\n"
       "}\n"
       "complete -F _kb kb\n";
  return s;
}

std::string zsh_script(const std::vector<OptInfo>& globals, const std::vector<CmdInfo>& cmds) {
  std::string s =
      "#compdef kb\n"
      "# zsh completion for kb (generated by 'kb completion zsh')\n"
      "# Load it with: source <(kb completion zsh), or save it as _kb in a folder of $fpath\n"
      "_kb_names() {\n"
      "  local -a kbdir names\n"
      "  local i\n"
      "  for ((i = 2; i < $#words; i++)); do\n"
      "    [[ $words[i] == --kb ]] && kbdir=(--kb ${words[i+1]})\n"
      "  done\n"
      "  names=(${(f)\"$(command kb $kbdir completion --names $1 2>/dev/null)\"})\n"
      "  compadd -M 'm:{a-zA-Z}={A-Za-z}' -a names\n"
      "}\n\n"
      "_kb() {\n"
      "  local cmd='' sub='' i w\n"
      "  for ((i = 2; i < CURRENT; i++)); do\n"
      "    w=$words[i]\n"
      "    case $w in\n"
      "      (" + value_flags(globals, cmds) + ") ((i++)); continue ;;\n"
      "      (-*) continue ;;\n"
      "    esac\n"
      "    if [[ -z $cmd ]]; then cmd=$w; elif [[ -z $sub ]]; then sub=$w; fi\n"
      "  done\n"
      "  case $words[CURRENT-1] in\n";
  for (const auto& [pat, kind] : value_arms(globals, cmds).arms) {
    s += "    (" + pat + ") ";
    if (kind == "dir") s += "_files -/";
    else if (kind == "file") s += "_files";
    else if (kind.rfind("words:", 0) == 0) s += "compadd -- " + kind.substr(6);
    else if (kind == "free") s += ":";
    else s += "_kb_names " + kind;
    s += "; return ;;\n";
  }
  s += "  esac\n"
       "  if [[ -z $cmd ]]; then\n"
       "    if [[ $PREFIX == -* ]]; then compadd -- " + join_flags(globals) + "; else compadd -- " + cmd_names(cmds) + "; fi\n"
       "    return\n"
       "  fi\n"
       "  if [[ $PREFIX == -* ]]; then\n"
       "    case $cmd in\n";
  for (const auto& c : cmds) s += "      (" + c.name + ") compadd -- " + join_flags(c.opts) + " ;;\n";
  s += "    esac\n"
       "    return\n"
       "  fi\n"
       "  case $cmd in\n";
  for (const auto& c : cmds) {
    std::string words = positional_words(c.name);
    std::string subs;
    for (const auto& n : c.subs) subs += (subs.empty() ? "" : " ") + n;
    if (!words.empty())
      s += "    (" + c.name + ") if [[ -z $sub ]]; then compadd -- " + words + "; else _files; fi ;;\n";
    else if (!subs.empty())
      s += "    (" + c.name + ") if [[ -z $sub ]]; then compadd -- " + subs + "; elif [[ $sub == brief ]]; then _kb_names all; fi ;;\n";
    else if (positional_is_name(c.name))
      s += "    (" + c.name + ") _kb_names all ;;\n";
    else if (c.name == "init")
      s += "    (init) _files -/ ;;\n";
  }
  s += "  esac\n"
       "}\n\n"
       "if [[ $zsh_eval_context[-1] == loadautofunc ]]; then\n"
       "  _kb \"$@\"\n"
       "else\n"
       "  compdef _kb kb\n"
       "fi\n";
  return s;
}

std::string fish_quote(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

std::string fish_script(const std::vector<OptInfo>& globals, const std::vector<CmdInfo>& cmds) {
  std::string s =
      "# fish completion for kb (generated by 'kb completion fish')\n"
      "# Load it with: kb completion fish | source, or save it as ~/.config/fish/completions/kb.fish\n"
      "function __kb_names\n"
      "    set -l tokens (commandline -opc)\n"
      "    set -l kbdir\n"
      "    for i in (seq (count $tokens))\n"
      "        if test \"$tokens[$i]\" = --kb; and test $i -lt (count $tokens)\n"
      "            set kbdir --kb $tokens[(math $i + 1)]\n"
      "        end\n"
      "    end\n"
      "    command kb $kbdir completion --names $argv[1] 2>/dev/null\n"
      "end\n\n"
      "complete -c kb -f\n";
  auto opt_line = [](const std::string& cond, const OptInfo& o) {
    std::string line = "complete -c kb";
    if (!cond.empty()) line += " -n " + fish_quote(cond);
    line += o.flag.rfind("--", 0) == 0 ? " -l " + o.flag.substr(2) : " -s " + o.flag.substr(1);
    std::string kind = value_kind(o.flag);
    if (o.takes_value) {
      if (kind == "dir") line += " -x -a '(__fish_complete_directories)'";
      else if (kind == "file") line += " -r -F";
      else if (kind.rfind("words:", 0) == 0) line += " -x -a " + fish_quote(kind.substr(6));
      else if (!kind.empty()) line += " -x -a '(__kb_names " + kind + ")'";
      else line += " -x";
    }
    if (!o.desc.empty()) line += " -d " + fish_quote(o.desc);
    return line + "\n";
  };
  for (const auto& o : globals) s += opt_line("", o);
  for (const auto& c : cmds)
    s += "complete -c kb -n __fish_use_subcommand -a " + c.name + " -d " + fish_quote(c.desc) + "\n";
  for (const auto& c : cmds) {
    std::string cond = "__fish_seen_subcommand_from " + c.name;
    for (const auto& o : c.opts) s += opt_line(cond, o);
    std::string words = positional_words(c.name);
    for (const auto& n : c.subs) words += (words.empty() ? "" : " ") + n;
    if (!words.empty()) s += "complete -c kb -n " + fish_quote(cond) + " -a " + fish_quote(words) + "\n";
    if (positional_is_name(c.name))
      s += "complete -c kb -n " + fish_quote(cond) + " -a '(__kb_names all)'\n";
    if (std::find(c.subs.begin(), c.subs.end(), "brief") != c.subs.end())
      s += "complete -c kb -n " + fish_quote("__fish_seen_subcommand_from brief") + " -a '(__kb_names all)'\n";
    if (c.name == "init") s += "complete -c kb -n " + fish_quote(cond) + " -a '(__fish_complete_directories)'\n";
  }
  return s;
}

ExitCode run_names(Session& s, const std::string& what) {
  std::vector<RecordType> types;
  if (what == "all") types = {RecordType::person, RecordType::organization, RecordType::topic, RecordType::event};
  else if (auto t = parse_record_type(what); t && *t != RecordType::note && *t != RecordType::meeting) types = {*t};
  if (types.empty()) {
    s.error(fmt::format("unknown kind of name '{}' (choose people, orgs, topics, events or all)", what));
    return ExitCode::usage;
  }
  const KnowledgeBase* kb = s.kb(false, Session::Reads::outline);
  if (!kb) return ExitCode::failure;
  std::set<std::string> names;
  for (RecordType t : types)
    for (NodeId id : kb->all_of(t)) {
      const Record& r = kb->at(id);
      names.insert(r.name);
      names.insert(r.aliases.begin(), r.aliases.end());
    }
  for (const auto& n : names)
    if (!n.empty() && n.find('\n') == std::string::npos) s.out << n << '\n';
  return ExitCode::ok;
}

}  // namespace

void add_completion_command(CLI::App& app, Invocation& inv) {
  auto o = std::make_shared<CompletionOptions>();
  CLI::App* sub = app.add_subcommand("completion", "A shell completion script: bash, zsh or fish "
                                                   "(e.g. source <(kb completion bash))");
  sub->add_option("shell", o->shell, "bash, zsh or fish")->check(CLI::IsMember({"bash", "zsh", "fish"}));
  // Used by the scripts at completion time; hidden from help.
  sub->add_option("--names", o->names, "Print the names of people, orgs, topics, events or all")->group("");
  CLI::App* root = &app;
  sub->callback([o, root, &inv] {
    inv.run = [o, root](Session& s) {
      if (!o->names.empty()) return run_names(s, o->names);
      if (o->shell.empty()) {
        s.error("say which shell: kb completion bash|zsh|fish");
        return ExitCode::usage;
      }
      std::vector<OptInfo> globals;
      std::vector<CmdInfo> cmds = describe(*root, globals);
      if (o->shell == "bash") s.out << bash_script(globals, cmds);
      else if (o->shell == "zsh") s.out << zsh_script(globals, cmds);
      else s.out << fish_script(globals, cmds);
      return ExitCode::ok;
    };
  });
}

}  // namespace kb::cli
