// Routing and the checks every request passes (docs/serve.md, "Safe by default").
#include "kb/serve/app.h"

#include <cctype>
#include <fstream>
#include <random>

#include <fmt/format.h>

#include "kb/base/text.h"
#include "pages.h"
#include "assets.h"

namespace kb::serve {

namespace {

constexpr int kMaxStreams = 16;                         // open pages listening for changes
constexpr std::chrono::seconds kStreamPing{15};         // a comment line keeps proxies from closing it
constexpr std::chrono::seconds kStreamLife{300};        // then the browser reconnects (EventSource)
const char* kTokenCookie = "kb_token";

std::string hex(const unsigned char* bytes, std::size_t n) {
  static const char* kHex = "0123456789abcdef";
  std::string out;
  for (std::size_t i = 0; i < n; ++i) {
    out += kHex[bytes[i] >> 4];
    out += kHex[bytes[i] & 15];
  }
  return out;
}

std::string random_hex(std::size_t bytes) {
  std::vector<unsigned char> buf(bytes);
  std::ifstream in("/dev/urandom", std::ios::binary);
  if (!in.read(reinterpret_cast<char*>(buf.data()), static_cast<std::streamsize>(bytes))) {
    std::random_device rd;  // the system's random source by another way
    for (auto& b : buf) b = static_cast<unsigned char>(rd());
  }
  return hex(buf.data(), bytes);
}

bool same_secret(const std::string& a, const std::string& b) {
  if (a.size() != b.size() || a.empty()) return false;
  unsigned char diff = 0;  // no early exit: the time taken does not tell how much matched
  for (std::size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

bool is_ip_literal(const std::string& host) {
  if (host.size() > 2 && host.front() == '[' && host.back() == ']')
    return host.find_first_not_of("0123456789abcdefABCDEF:.", 1) == host.size() - 1;
  int dots = 0;
  for (char ch : host) {
    if (ch == '.') ++dots;
    else if (!std::isdigit(static_cast<unsigned char>(ch))) return false;
  }
  return dots == 3;
}

HttpResponse plain(int status, const std::string& text) {
  HttpResponse r;
  r.status = status;
  r.content_type = "text/plain; charset=utf-8";
  r.body = text + "\n";
  return r;
}

HttpResponse asset(const std::string& name) {
  const char* text = lookup_asset(name);
  if (!text || name.find(".mustache") != std::string::npos) return plain(404, "no such file");
  HttpResponse r;
  r.content_type = name.size() > 3 && name.compare(name.size() - 3, 3, ".js") == 0 ? "text/javascript; charset=utf-8"
                                                                                   : "text/css; charset=utf-8";
  r.body = text;
  return r;
}

void secure(HttpResponse& r) {
  bool has_csp = false;
  for (const auto& [k, v] : r.headers) has_csp = has_csp || k == "Content-Security-Policy";
  if (!has_csp) r.headers.emplace_back("Content-Security-Policy", content_security_policy());
  r.headers.emplace_back("X-Content-Type-Options", "nosniff");
  r.headers.emplace_back("X-Frame-Options", "DENY");
  r.headers.emplace_back("Referrer-Policy", "no-referrer");
  r.headers.emplace_back("Cache-Control", "no-store");
}

}  // namespace

std::string content_security_policy(const std::string& nonce) {
  const std::string style_nonce = nonce.empty() ? "" : fmt::format(" 'nonce-{}'", nonce);
  return fmt::format(
      "default-src 'none'; script-src 'self'; style-src 'self'{}; img-src 'self' data:; "
      "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
      style_nonce);
}

std::string make_nonce() { return random_hex(16); }

std::string make_token() { return random_hex(16); }

bool host_allowed(const std::string& host, int port) {
  const std::size_t colon = host.rfind(':');
  if (colon == std::string::npos || colon + 1 == host.size() || host.back() == ']') return false;
  const std::string name = to_lower_ascii(host.substr(0, colon)), given_port = host.substr(colon + 1);
  if (given_port != std::to_string(port)) return false;
  return name == "localhost" || is_ip_literal(name);
}

App::App(LiveKb& live, AppOptions o) : live_(live), options_(std::move(o)) {}

// Why a request is refused before it reaches a page, if it is.
std::optional<HttpResponse> App::refuse(const HttpRequest& req) const {
  if (!host_allowed(req.header("host"), options_.port))
    return plain(421, fmt::format("kb serve answers requests for localhost or this machine's address only "
                                  "(Host '{}' refused)",
                                  terminal_safe(req.header("host"))));
  if (req.method == "POST") {
    if (!options_.write) return plain(403, "kb serve was started without --write; nothing can be changed");
    if (!same_secret(req.param("token"), options_.token))
      return plain(403, "this change needs the token kb serve printed when it started; open the address it printed");
    const std::string origin = req.header("origin");
    if (!origin.empty() && origin != "http://" + req.header("host"))
      return plain(403, "a change must come from a page of this server");
  } else if (req.method != "GET" && req.method != "HEAD") {
    return plain(405, "kb serve answers GET, and POST with --write");
  }
  return std::nullopt;
}

HttpResponse App::handle(const HttpRequest& req) {
  HttpResponse r;
  try {
    if (auto refusal = refuse(req)) r = *refusal;
    else r = req.method == "POST" ? write(req) : route(req);
  } catch (const std::exception& e) {
    r = plain(500, fmt::format("kb: internal error: {}", e.what()));
  }
  secure(r);
  return r;
}

HttpResponse App::route(const HttpRequest& req) {
  if (req.path.rfind("/assets/", 0) == 0) return asset(req.path.substr(8));
  auto load = live_.current();
  PageContext c{*load, load->kb, req, options_.today(), live_.generation(), false, {}, {}, false, {}};
  c.search = [this, load](const SearchRequest& request, std::size_t* total) {
    return live_.search(load->kb, request, total);
  };
  // A visit with ?token=T (the address kb serve printed) keeps the token in a cookie.
  const std::string given = req.param("token"), kept = req.cookie(kTokenCookie);
  const bool token_ok = options_.write && (same_secret(given, options_.token) || same_secret(kept, options_.token));
  c.can_write = token_ok;
  c.token = token_ok ? options_.token : std::string();
  c.flash = req.param("done");
  c.flash_bad = !req.param("refused").empty();
  if (c.flash_bad) c.flash = req.param("refused");
  HttpResponse r;
  const std::string& p = req.path;
  if (p == "/") r = page_home(c);
  else if (p.rfind("/r/", 0) == 0) r = page_record(c, p.substr(3));
  else if (p == "/week") r = page_week(c);
  else if (p == "/search") r = page_search(c);
  else if (p == "/actions") r = page_actions(c);
  else if (p == "/graph") r = page_graph(c);
  else if (p == "/api/meetings") r = api_meetings(c);
  else if (p == "/api/search") r = api_search(c);
  else if (p.rfind("/api/records/", 0) == 0) r = api_record(c, p.substr(13));
  else if (p == "/api/actions") r = api_actions(c);
  else if (p == "/api/graph") r = api_graph(c);
  else if (p.rfind("/api/", 0) == 0) r = json_error(404, fmt::format("no such API: {}", p));
  else r = error_page(c, 404, "Not found", fmt::format("kb serve has no page '{}'", p));
  if (same_secret(given, options_.token) && options_.write)
    r.headers.emplace_back("Set-Cookie",
                           fmt::format("{}={}; Path=/; HttpOnly; SameSite=Strict", kTokenCookie, options_.token));
  return r;
}

bool App::stream(const HttpRequest& req, EventStream& out, HttpResponse& refusal) {
  if (auto r = refuse(req)) {
    refusal = *r;
    secure(refusal);
    return false;
  }
  if (streams_.fetch_add(1) >= kMaxStreams) {
    streams_.fetch_sub(1);
    refusal = plain(503, "too many open pages are listening for changes");
    refusal.headers.emplace_back("Retry-After", "30");
    return false;
  }
  auto seen = std::make_shared<std::uint64_t>(live_.generation());
  auto until = std::make_shared<std::chrono::steady_clock::time_point>(std::chrono::steady_clock::now() + kStreamLife);
  auto opened = std::make_shared<bool>(false);
  // The stream object lives as long as the connection; its copies share one count decrement.
  auto counted = std::shared_ptr<void>(nullptr, [this](void*) { streams_.fetch_sub(1); });
  out = [this, seen, until, opened, counted](std::string& chunk) {
    if (!*opened) {
      *opened = true;
      chunk = "retry: 1000\n: kb serve\n\n";
      return true;
    }
    if (stopping_.load() || live_.stopped() || std::chrono::steady_clock::now() > *until) return false;
    // Short waits, so that stop() ends the stream within a second.
    auto start = std::chrono::steady_clock::now();
    while (live_.generation() == *seen && !stopping_.load() && std::chrono::steady_clock::now() - start < kStreamPing)
      live_.wait_for_change(*seen, std::chrono::milliseconds(500));
    if (stopping_.load()) return false;
    const std::uint64_t now = live_.generation();
    if (now == *seen) {
      chunk = ": ping\n\n";
      return true;
    }
    *seen = now;
    chunk = fmt::format("event: change\ndata: {}\n\n", now);
    return true;
  };
  return true;
}

}  // namespace kb::serve
