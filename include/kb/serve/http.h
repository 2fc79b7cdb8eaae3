#pragma once
// The HTTP server kb serve runs on, as plain values: a request in, a response out, and a
// stream of server-sent events. cpp-httplib stays in src/serve/http.cpp; nothing here says
// how the bytes move, so the pages and the API are tested without a socket.

#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace kb::serve {

struct HttpRequest {
  std::string method;  ///< "GET", "POST", ...
  std::string path;    ///< percent-decoded, without the query string
  /// The query string's fields, then a form body's (application/x-www-form-urlencoded), in order.
  std::vector<std::pair<std::string, std::string>> params;
  /// Header names in lower case.
  std::vector<std::pair<std::string, std::string>> headers;

  /// The first value of `key`, or "".
  std::string param(const std::string& key) const;
  /// Every value of `key`, empty ones left out.
  std::vector<std::string> params_of(const std::string& key) const;
  /// The first header `name` (lower case), or "".
  std::string header(const std::string& name) const;
  /// The value of cookie `name` from the Cookie header, or "".
  std::string cookie(const std::string& name) const;
};

struct HttpResponse {
  int status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
};

/// Gives the next piece of an event stream in `chunk` (may be empty: nothing yet); returns
/// false to end the stream.
using EventStream = std::function<bool(std::string& chunk)>;

struct HttpHandlers {
  /// Every request but those `stream` takes.
  std::function<HttpResponse(const HttpRequest&)> handle;
  /// For a request that may be an event stream (`Accept: text/event-stream` or the path
  /// "/events"): returns true and sets `stream` to serve one, or false and sets `refusal`.
  std::function<bool(const HttpRequest&, EventStream& stream, HttpResponse& refusal)> stream;
  std::string stream_path = "/events";
};

class HttpServer {
 public:
  explicit HttpServer(HttpHandlers handlers);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  /// Binds `host` (an IP address) and `port` (0: a free one). Returns the port bound, or -1
  /// with `error` saying why (the port is taken, the address is not this machine's).
  int bind(const std::string& host, int port, std::string& error);
  /// Serves on the bound port until stop(); false when it could not.
  bool listen();
  /// Stops listen() from any thread; requests under way finish.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kb::serve
