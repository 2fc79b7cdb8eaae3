// The one file that includes cpp-httplib (tests/layering.sh): it turns httplib's requests into
// HttpRequest values and HttpResponse values back, and drives event streams.
#include "kb/serve/http.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>
#include <httplib.h>

namespace kb::serve {

namespace {

// Threads that serve requests: enough for a few open pages (each holds one for its event
// stream) and a burst of clients; the rest wait in the queue.
constexpr std::size_t kThreads = 24;
// A form is a few fields; anything larger is refused before it is read.
constexpr std::size_t kMaxBody = 64 * 1024;

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

HttpRequest to_request(const httplib::Request& r) {
  HttpRequest out;
  out.method = r.method;
  out.path = r.path;
  for (const auto& [k, v] : r.params) out.params.emplace_back(k, v);
  for (const auto& [k, v] : r.headers) out.headers.emplace_back(lower(k), v);
  return out;
}

void to_response(const HttpResponse& in, httplib::Response& out) {
  out.status = in.status;
  for (const auto& [k, v] : in.headers) out.set_header(k.c_str(), v);
  out.set_content(in.body, in.content_type.c_str());
}

}  // namespace

std::string HttpRequest::param(const std::string& key) const {
  for (const auto& [k, v] : params)
    if (k == key) return v;
  return {};
}

std::vector<std::string> HttpRequest::params_of(const std::string& key) const {
  std::vector<std::string> out;
  for (const auto& [k, v] : params)
    if (k == key && !v.empty()) out.push_back(v);
  return out;
}

std::string HttpRequest::header(const std::string& name) const {
  for (const auto& [k, v] : headers)
    if (k == name) return v;
  return {};
}

std::string HttpRequest::cookie(const std::string& name) const {
  const std::string all = header("cookie");
  std::size_t at = 0;
  while (at < all.size()) {
    std::size_t end = all.find(';', at);
    if (end == std::string::npos) end = all.size();
    std::string part = all.substr(at, end - at);
    part.erase(0, part.find_first_not_of(' '));
    if (part.compare(0, name.size() + 1, name + "=") == 0) return part.substr(name.size() + 1);
    at = end + 1;
  }
  return {};
}

struct HttpServer::Impl {
  HttpHandlers handlers;
  httplib::Server server;

  bool serve_stream(const httplib::Request& req, httplib::Response& res) {
    HttpRequest r = to_request(req);
    EventStream stream;
    HttpResponse refusal;
    if (!handlers.stream(r, stream, refusal)) {
      to_response(refusal, res);
      return true;
    }
    res.set_header("Cache-Control", "no-store");
    res.set_chunked_content_provider("text/event-stream", [stream](std::size_t, httplib::DataSink& sink) {
      std::string chunk;
      if (!stream(chunk)) {
        sink.done();
        return true;
      }
      return chunk.empty() || sink.write(chunk.data(), chunk.size());
    });
    return true;
  }

  void install() {
    server.new_task_queue = [] { return new httplib::ThreadPool(kThreads); };
    server.set_payload_max_length(kMaxBody);
    server.set_keep_alive_timeout(2);
    server.set_read_timeout(5, 0);
    server.set_write_timeout(5, 0);
    // Every GET goes through here, so no route pattern (std::regex) ever sees a long URL.
    server.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
      if (req.method == "POST") return httplib::Server::HandlerResponse::Unhandled;  // its form is read first
      if (req.path == handlers.stream_path && req.method == "GET") {
        serve_stream(req, res);
        return httplib::Server::HandlerResponse::Handled;
      }
      to_response(handlers.handle(to_request(req)), res);
      return httplib::Server::HandlerResponse::Handled;
    });
    server.Post(R"([a-z/_-]{1,64})", [this](const httplib::Request& req, httplib::Response& res) {
      to_response(handlers.handle(to_request(req)), res);
    });
  }
};

HttpServer::HttpServer(HttpHandlers handlers) : impl_(std::make_unique<Impl>()) {
  impl_->handlers = std::move(handlers);
  impl_->install();
}

HttpServer::~HttpServer() = default;

int HttpServer::bind(const std::string& host, int port, std::string& error) {
  int bound = port == 0 ? impl_->server.bind_to_any_port(host) : (impl_->server.bind_to_port(host, port) ? port : -1);
  if (bound <= 0) {
    error =
        fmt::format("cannot listen on {}:{} (the port is in use, or the address is not this machine's)", host, port);
    return -1;
  }
  return bound;
}

bool HttpServer::listen() { return impl_->server.listen_after_bind(); }

void HttpServer::stop() { impl_->server.stop(); }

}  // namespace kb::serve
