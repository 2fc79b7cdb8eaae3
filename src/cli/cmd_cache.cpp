// kb cache status|clear: the index cache in <kb>/.kb/cache.sqlite (see docs/performance.md).
#include <cstdlib>
#include <filesystem>
#include <memory>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <sys/stat.h>

#include "commands.h"
#include "kb/store/cache.h"
#include "kb/store/locate.h"
#include "session.h"

namespace kb::cli {
namespace {

struct CacheOptions {
  std::string action;
};

ExitCode run_cache(Session& s, const CacheOptions& o) {
  if (o.action != "status" && o.action != "clear") {
    s.error(fmt::format("unknown cache action '{}' (expected 'status' or 'clear')", o.action));
    return ExitCode::usage;
  }
  std::string why;
  std::error_code ec;
  std::string cwd = std::filesystem::current_path(ec).string();
  auto loc = locate_kb(s.globals.kb_dir, std::getenv("KB_DIR"), cwd, why);
  if (!loc) {
    s.error(why);
    return ExitCode::failure;
  }
  std::string path = Session::cache_path(loc->root);
  if (o.action == "clear") {
    if (!SqliteCache::remove_files(path, why)) {
      s.error(why);
      return ExitCode::failure;
    }
    s.note("cache cleared");
    return ExitCode::ok;
  }
  // status
  if (std::string unsafe = SqliteCache::unsafe(path); !unsafe.empty()) {
    s.out << "cache: not used (" << unsafe << ")\n";
    return ExitCode::ok;
  }
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0) {
    s.out << "cache: none (the next command builds it)\n";
    return ExitCode::ok;
  }
  auto cache = SqliteCache::open(path, Session::cache_version(), why);
  long long entries = cache ? cache->count() : -1;
  s.out << "cache: .kb/cache.sqlite\n";
  s.out << "size: " << st.st_size << " bytes\n";
  if (entries < 0) s.out << "entries: unreadable (run 'kb cache clear')\n";
  else s.out << "entries: " << entries << '\n';
  long long graph = cache ? cache->graph_size() : -1;
  if (graph < 0) s.out << "snapshot: none (the next command writes it)\n";
  else s.out << "snapshot: " << graph << " bytes\n";
  if (!s.cache_enabled()) s.note("the cache is off for this run (--no-cache or KB_NO_CACHE)");
  return ExitCode::ok;
}

}  // namespace

void add_cache_command(CLI::App& app, Invocation& inv) {
  auto o = std::make_shared<CacheOptions>();
  CLI::App* sub = app.add_subcommand("cache", "The index cache: 'status' shows it, 'clear' deletes it (it is rebuilt on the next run)");
  sub->add_option("action", o->action, "status or clear")->required();
  sub->callback([o, &inv] { inv.run = [o](Session& s) { return run_cache(s, *o); }; });
}

}  // namespace kb::cli
