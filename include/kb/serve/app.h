#pragma once
// `kb serve`'s pages and JSON API over a LiveKb: a request in, a response out (http.h), with
// the checks every request passes (its Host names this machine, a change carries the run's
// token) and the headers every response carries (a strict Content-Security-Policy). The
// pages are the built-in templates filled with the report module's data; the API gives the
// JSON of `--format json`. See docs/serve.md.

#include <atomic>
#include <functional>
#include <string>

#include "kb/base/date.h"
#include "kb/serve/http.h"
#include "kb/serve/live_kb.h"

namespace kb::serve {

struct AppOptions {
  int port = 0;  ///< the port bound: a Host header must name it
  /// Accept changes (mark an action done, add one) with `token`. Off: every change is refused.
  bool write = false;
  std::string token;  ///< the run's secret; REQUIRES: not empty when `write`
  /// Today, for "this week", "overdue" and the date a done action is stamped with.
  std::function<Date()> today;
};

class App {
 public:
  App(LiveKb& live, AppOptions o);
  /// Answers one request; never throws (an internal failure is a 500 page that says so).
  HttpResponse handle(const HttpRequest& req);
  /// The pages' event stream (/events): an event "change" each time the KB is loaded again.
  bool stream(const HttpRequest& req, EventStream& stream, HttpResponse& refusal);
  /// Ends every event stream (before the server stops).
  void stop() { stopping_.store(true); }
  const AppOptions& options() const { return options_; }

 private:
  LiveKb& live_;
  AppOptions options_;
  std::atomic<bool> stopping_{false};
  std::atomic<int> streams_{0};

  std::optional<HttpResponse> refuse(const HttpRequest& req) const;
  HttpResponse route(const HttpRequest& req);
  HttpResponse write(const HttpRequest& req);
};

/// True when `host` (a Host header) names this machine as a browser would reach it: `localhost`
/// or an IP address, with `port`. A name an attacker's DNS could point here is refused.
bool host_allowed(const std::string& host, int port);

/// A fresh secret of 32 hex digits from the system's random source.
std::string make_token();

}  // namespace kb::serve
