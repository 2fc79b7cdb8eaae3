// kb export ics|sqlite|neo4j: the KB in other tools' formats (render/export.h builds the bytes;
// this file reads the clock and the zone files and writes the results where the user says, by
// store/output_file.h's rules: a regular file that exists is replaced only with --force).
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "args.h"
#include "commands.h"
#include "kb/render/export.h"
#include "kb/store/output_file.h"
#include "session.h"

namespace kb::cli {
namespace {

struct ExportOptions {
  std::string what;
  std::string target;
  bool force = false;
  std::string audience;
};

// DTSTAMP: SOURCE_DATE_EPOCH when set (reproducible output), else now; always UTC.
std::string utc_stamp() {
  std::time_t t = std::time(nullptr);
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) t = std::strtoll(epoch, nullptr, 10);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y%m%dT%H%M%SZ", &tm);
  return buf;
}

// The TZif file of an IANA zone name from $TZDIR or the system's zoneinfo.
std::optional<std::string> read_zone(const std::string& tzid) {
  if (tzid.empty() || tzid.find("..") != std::string::npos || tzid[0] == '/') return std::nullopt;
  for (char c : tzid)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '/' && c != '_' && c != '-' && c != '+') return std::nullopt;
  const char* dir = std::getenv("TZDIR");
  std::ifstream in(std::string(dir && *dir ? dir : "/usr/share/zoneinfo") + "/" + tzid, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream data;
  data << in.rdbuf();
  return data.str();
}

// Writes `content` to `path` (an existing regular file only with --force); prints what went wrong.
bool write_file(Session& s, const ExportOptions& o, const std::filesystem::path& path, std::string_view content) {
  OutputRules rules;
  rules.replace_regular = o.force;
  rules.kb_root = s.root();
  WriteResult r = write_output(path.string(), content, rules);
  if (r.status == WriteStatus::exists)
    s.error(fmt::format("'{}' exists; kb export replaces a file only with --force (or choose another name)",
                        path.string()));
  else if (r.status != WriteStatus::ok)
    s.error(r.message);
  return r.status == WriteStatus::ok;
}

ExitCode run_export(Session& s, const ExportOptions& o) {
  if (o.what != "ics" && o.target.empty()) {
    s.error(fmt::format("kb export {0} needs a {1} to write (e.g. 'kb export {0} {2}')", o.what,
                        o.what == "neo4j" ? "folder" : "file", o.what == "neo4j" ? "neo4j-import" : "kb.sqlite"));
    return ExitCode::usage;
  }
  const KnowledgeBase* kb = s.kb();
  if (!kb) return ExitCode::failure;

  if (o.what == "ics") {
    IcsOptions io;
    io.stamp = utc_stamp();
    io.zone_data = read_zone;
    DiagSink diags;
    std::ostringstream text;
    render_ics(text, *kb, io, diags);
    s.print(diags, true);
    if (o.target.empty() || o.target == "-") {
      s.out << text.str();
      return ExitCode::ok;
    }
    return write_file(s, o, o.target, text.str()) ? ExitCode::ok : ExitCode::failure;
  }
  if (o.what == "sqlite") {
    std::string error;
    auto image = render_sqlite(*kb, error);
    if (!image) {
      s.error(fmt::format("cannot build the SQLite database: {}", error));
      return ExitCode::failure;
    }
    if (!write_file(s, o, o.target, *image)) return ExitCode::failure;
    s.note(fmt::format("wrote '{0}' (try: sqlite3 {0} '.tables')", o.target));
    return ExitCode::ok;
  }
  // neo4j: every file is checked before any is written, so a refusal leaves nothing behind.
  auto files = render_neo4j(*kb);
  std::filesystem::path dir = o.target;
  std::error_code ec;
  for (const auto& [name, content] : files)
    if (!o.force && std::filesystem::exists(dir / name, ec)) {
      s.error(fmt::format("'{}' exists; kb export replaces files only with --force (or choose an empty folder)",
                          (dir / name).string()));
      return ExitCode::failure;
    }
  if (std::filesystem::create_directories(dir, ec); ec) {
    s.error(fmt::format("cannot create folder '{}': {}", o.target, ec.message()));
    return ExitCode::failure;
  }
  std::string nodes, rels;
  for (const auto& [name, content] : files) {
    if (!write_file(s, o, dir / name, content)) return ExitCode::failure;
    bool is_rel = content.rfind(":START_ID", 0) == 0;
    (is_rel ? rels : nodes) += (is_rel ? " --relationships=" : " --nodes=") + name;
  }
  s.note(fmt::format(
      "wrote {0} files to '{1}'; import them with:\n  cd {1} && neo4j-admin database import full{2}{3} neo4j",
      files.size(), o.target, nodes, rels));
  return ExitCode::ok;
}

}  // namespace

void add_export_command(CLI::App& app, Invocation& inv) {
  auto o = std::make_shared<ExportOptions>();
  CLI::App* sub = app.add_subcommand(
      "export", "The KB for other tools: ics (meetings and due actions for calendars), sqlite (tables for SQL and "
                "Datasette), neo4j (CSV files for neo4j-admin import)");
  sub->add_option("format", o->what, "ics, sqlite or neo4j")->required()->check(CLI::IsMember({"ics", "sqlite", "neo4j"}));
  sub->add_option("target", o->target, "ics: a FILE (default: stdout); sqlite: a FILE; neo4j: a DIR for the CSV files");
  sub->add_flag("--force", o->force, "Replace files that exist (else kb export refuses to)");
  add_audience_option(sub, o->audience);
  sub->callback([o, &inv] {
    inv.run = [o](Session& s) {
      s.audience = o->audience;
      return run_export(s, *o);
    };
  });
}

}  // namespace kb::cli
