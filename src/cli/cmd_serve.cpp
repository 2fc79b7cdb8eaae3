// kb serve: the KB as web pages and a JSON API on this machine (src/serve, docs/serve.md).
// This file only reads the options, starts the parts and stops them on Ctrl-C.
#include <csignal>
#include <functional>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <thread>

#include <pthread.h>
#include <spawn.h>
#include <sys/wait.h>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "args.h"
#include "commands.h"
#include "kb/serve/app.h"
#include "kb/serve/http.h"
#include "kb/serve/live_kb.h"
#include "kb/store/locate.h"
#include "kb/store/watch.h"
#include "session.h"

extern char** environ;

namespace kb::cli {
namespace {

struct ServeOptions {
  int port = 8080;
  std::string bind = "127.0.0.1";
  bool open = false;
  bool write = false;
  std::string audience;
};

bool loopback(const std::string& address) {
  return address == "::1" || address.rfind("127.", 0) == 0;
}

// Opens `url` in the desktop's browser (xdg-open), without a shell; failing is only a note.
void open_browser(Session& s, const std::string& url) {
  pid_t pid = 0;
  const char* argv[] = {"xdg-open", url.c_str(), nullptr};
  if (posix_spawnp(&pid, "xdg-open", nullptr, nullptr, const_cast<char* const*>(argv), environ) != 0)
    s.note(fmt::format("cannot open a browser (no xdg-open); open {}", url));
}

// Blocks SIGINT and SIGTERM in every thread started after this, and waits for them on one
// thread that stops the server: no handler runs in the middle of a request.
std::thread stop_on_signal(sigset_t& set, std::function<void()> stop) {
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  return std::thread([&set, stop] {
    int sig = 0;
    sigwait(&set, &sig);
    stop();
  });
}

ExitCode run_serve(Session& s, const ServeOptions& o) {
  std::string why;
  std::error_code ec;
  auto loc = locate_kb(s.globals.kb_dir, std::getenv("KB_DIR"), std::filesystem::current_path(ec).string(), why);
  if (!loc) {
    s.error(why);
    return ExitCode::failure;
  }
  if (!loopback(o.bind))
    s.warning(fmt::format("listening on {}: anyone who can reach this machine there can read the notes", o.bind));
  serve::LiveKb live({loc->root, s.cache_enabled(), Session::cache_version(), o.audience});
  const std::string problems = live.reload();
  if (const auto loaded = live.current(); !loaded->audience_error.empty()) {
    s.error(loaded->audience_error);
    return ExitCode::usage;
  } else if (const std::string withheld = withheld_summary(*loaded); !withheld.empty()) {
    s.note(withheld);
  }
  if (!problems.empty()) s.note(fmt::format("{} (run 'kb check')", problems));
  std::unique_ptr<TreeWatcher> watcher = TreeWatcher::start(loc->root, why);
  if (!watcher) s.warning(fmt::format("{}; changes on disk show after a restart", why));

  serve::AppOptions ao;
  ao.write = o.write;
  ao.token = o.write ? serve::make_token() : std::string();
  ao.today = [&s] { return s.today(); };
  std::unique_ptr<serve::App> app;
  serve::HttpHandlers handlers;
  handlers.handle = [&app](const serve::HttpRequest& r) { return app->handle(r); };
  handlers.stream = [&app](const serve::HttpRequest& r, serve::EventStream& st, serve::HttpResponse& no) {
    return app->stream(r, st, no);
  };
  serve::HttpServer server(handlers);
  ao.port = server.bind(o.bind, o.port, why);
  if (ao.port < 0) {
    s.error(fmt::format("{} (give another with --port)", why));
    return ExitCode::failure;
  }
  app = std::make_unique<serve::App>(live, ao);
  const std::string host = o.bind.find(':') != std::string::npos ? "[" + o.bind + "]" : o.bind;
  std::string url = fmt::format("http://{}:{}/", host, ao.port);
  if (o.write) url += "?token=" + ao.token;
  s.out << "kb: serving " << loc->root << " at " << url << std::endl;
  if (o.write) s.note("changes are on: only pages opened from that address (it holds the token) can make them");
  s.note("press Ctrl-C to stop");

  sigset_t signals;
  // Event streams end first: the server waits for every request under way before it returns.
  std::thread waiter = stop_on_signal(signals, [&] {
    app->stop();
    server.stop();
  });
  std::thread follower([&] { if (watcher) live.follow(*watcher); });
  if (o.open) open_browser(s, url);
  bool ok = server.listen();
  app->stop();
  live.stop();
  follower.join();
  pthread_kill(waiter.native_handle(), SIGTERM);  // ends the wait when the server stopped by itself
  waiter.join();
  return ok ? ExitCode::ok : ExitCode::failure;
}

}  // namespace

void add_serve_command(CLI::App& app, Invocation& inv) {
  auto o = std::make_shared<ServeOptions>();
  CLI::App* sub = app.add_subcommand("serve", "Serve the KB as web pages and a JSON API on this machine, updated as notes change");
  sub->add_option("--port", o->port, "The port to listen on (0: any free one)")->check(CLI::Range(0, 65535));
  sub->add_option("--bind", o->bind, "The address to listen on (default 127.0.0.1, this machine only)");
  sub->add_flag("--open", o->open, "Open the home page in the browser");
  sub->add_flag("--write", o->write, "Allow pages to mark actions done and add actions (with the token printed at start)");
  add_audience_option(sub, o->audience);
  sub->callback([o, &inv] { inv.run = [o](Session& s) { return run_serve(s, *o); }; });
}

}  // namespace kb::cli
