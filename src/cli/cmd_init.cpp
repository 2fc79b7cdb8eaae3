// kb init [DIR] [--detect [--write]]: a new KB skeleton (kb.yaml, the type folders and every
// built-in template under templates/), adding only what is missing and never overwriting.
#include <filesystem>
#include <memory>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "commands.h"
#include "detect.h"
#include "kb/model/types.h"
#include "kb/render/templates.h"
#include "kb/store/real_fs.h"
#include "kb/store/writer.h"
#include "session.h"

namespace kb::cli {
namespace {

struct InitOptions {
  std::string dir = ".";
  bool detect = false;
  bool write = false;
};

std::string kb_yaml_text(const std::string& name) {
  YamlOut settings = YamlOut::map();
  settings.add("name", YamlOut::str(name));
  return "# kb settings: see 'kb --help'. Uncomment and fill in what applies.\n" + emit_yaml(settings) +
         "# home: My Organization     # the organization the notes are written from\n"
         "# timezone: Europe/Paris    # an IANA time zone name\n"
         "# fields:                   # a vault's own front-matter keys, e.g.\n"
         "#   attendees: people\n";
}

ExitCode run_init(Session& s, const InitOptions& o) {
  if (o.write && !o.detect) {
    s.error("--write goes with --detect (run 'kb init DIR --detect --write')");
    return ExitCode::usage;
  }
  if (o.detect) return run_detect(s, o.dir, o.write);

  std::error_code ec;
  std::filesystem::create_directories(o.dir, ec);
  if (ec || !std::filesystem::is_directory(o.dir, ec)) {
    s.error(fmt::format("cannot create folder '{}'{}", o.dir, ec ? fmt::format(": {}", ec.message()) : std::string()));
    return ExitCode::failure;
  }
  std::string root = o.dir;
  RealFileSystem fs(root);
  std::vector<std::string> created;
  std::string error;
  auto write_if_missing = [&](const std::string& path, std::string_view content) {
    if (fs.exists(path)) return true;
    if (!check_inside_root(root, path, error)) return false;
    WriteResult w = fs.write_new(path, content);
    if (w.status == WriteStatus::exists) return true;  // someone else was quicker: keep theirs
    if (w.status != WriteStatus::ok) {
      error = fmt::format("cannot write '{}': {}", path, w.message);
      return false;
    }
    created.push_back(path);
    return true;
  };

  std::string name = std::filesystem::absolute(o.dir, ec).lexically_normal().filename().string();
  if (name.empty()) name = std::filesystem::absolute(o.dir, ec).lexically_normal().parent_path().filename().string();
  if (name.empty()) name = "notes";
  bool ok = write_if_missing("kb.yaml", kb_yaml_text(name));
  for (RecordType t : {RecordType::meeting, RecordType::person, RecordType::organization, RecordType::topic,
                       RecordType::event}) {
    if (!ok) break;
    std::string folder(default_folder(t));
    if (fs.exists(folder)) continue;
    ok = check_inside_root(root, folder + "/x", error) && make_folder(root, folder, error);
    if (ok) created.push_back(folder + "/");
  }
  for (const auto& t : embedded_templates()) {
    if (!ok) break;
    ok = write_if_missing(std::string("templates/") + t.name, t.text);
  }
  for (const auto& path : created) s.out << path << '\n';
  if (!ok) {
    s.error(error);
    return ExitCode::failure;
  }
  if (created.empty())
    s.note(fmt::format("'{}' already holds a knowledge base with every folder and template; nothing added", o.dir));
  else
    s.note(fmt::format("knowledge base ready in '{}' (next: cd there and run 'kb add meeting')", o.dir));
  return ExitCode::ok;
}

}  // namespace

void add_init_command(CLI::App& app, Invocation& inv) {
  auto o = std::make_shared<InitOptions>();
  CLI::App* sub = app.add_subcommand("init", "Create a knowledge base: kb.yaml, the type folders and templates/ (adds only what is missing)");
  sub->add_option("dir", o->dir, "The folder (default: the current one); created if needed");
  sub->add_flag("--detect", o->detect, "Propose a kb.yaml field mapping for an existing vault");
  sub->add_flag("--write", o->write, "With --detect: save the proposed mapping in kb.yaml");
  sub->callback([o, &inv] { inv.run = [o](Session& s) { return run_init(s, *o); }; });
}

}  // namespace kb::cli
