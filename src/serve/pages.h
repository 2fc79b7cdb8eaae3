#pragma once
// The pages and API endpoints of kb serve, each a function of one request and the KB loaded
// when it came (private to src/serve; app.cpp routes to them).

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "kb/base/date.h"
#include "kb/model/load.h"
#include "kb/query/actions.h"
#include "kb/query/meetings.h"
#include "kb/query/search.h"
#include "kb/render/graph_out.h"
#include "kb/render/mustache.h"
#include "kb/serve/http.h"

namespace kb::serve {

struct PageContext {
  const LoadResult& load;
  const KnowledgeBase& kb;
  const HttpRequest& req;
  Date today;
  std::uint64_t generation = 0;
  bool can_write = false;  ///< --write, and the request carries the run's token (cookie)
  std::string token;       ///< put in forms when can_write
  std::string flash;       ///< a message to show above the page (a change done or refused)
  bool flash_bad = false;
  /// Ranked full-text search (LiveKb::search) over `kb`; unset or std::nullopt: no index.
  std::function<std::optional<std::vector<SearchHit>>(const SearchRequest&, std::size_t* total)> search;
};

// render_page.cpp
/// `content` (an asset template) filled with `data`, inside the layout. Every {{value}} is
/// HTML-escaped; each `rid`, `id`, `*_rid` and `*_id` value also gets a `..._url` twin,
/// percent-encoded for a link.
HttpResponse html_page(const PageContext& c, int status, const std::string& title, const std::string& content,
                       TemplateData data);
/// The Content-Security-Policy of every response: nothing from elsewhere, scripts and styles
/// from /assets only, plus the inline style block carrying `nonce` when one is given.
std::string content_security_policy(const std::string& nonce = "");
/// A fresh value for one response's CSP nonce.
std::string make_nonce();
/// A page that says what went wrong and what to do.
HttpResponse error_page(const PageContext& c, int status, const std::string& heading, const std::string& message);
/// A JSON body; `status` 200 unless said.
HttpResponse json_response(const std::string& body, int status = 200);
/// {"error": message} with `status`.
HttpResponse json_error(int status, const std::string& message);
/// `text` percent-encoded for a URL path or query, `/` kept when `keep_slash`.
std::string url_encode(const std::string& text, bool keep_slash);

// filters.cpp: request parameters -> query filters; a bad value sets `error` (a sentence to show).
std::optional<MeetingFilter> meeting_filter_of(const PageContext& c, std::string& error);
std::optional<ActionFilter> action_filter_of(const PageContext& c, std::string& error);
/// A name, alias or record id of any type (resolve_any); unknown or ambiguous sets `error`.
std::optional<NodeId> record_named(const KnowledgeBase& kb, const std::string& text, std::string& error);

// pages.cpp
HttpResponse page_home(const PageContext& c);
HttpResponse page_record(const PageContext& c, const std::string& rid);
HttpResponse page_week(const PageContext& c);
HttpResponse page_search(const PageContext& c);
HttpResponse page_actions(const PageContext& c);
HttpResponse page_graph(const PageContext& c);

// api.cpp: the JSON of `kb query|show|actions|graph --format json`.
HttpResponse api_meetings(const PageContext& c);
HttpResponse api_record(const PageContext& c, const std::string& rid);
HttpResponse api_actions(const PageContext& c);
/// The JSON of `kb search WORDS --type meetings --format json` with the filters given.
HttpResponse api_search(const PageContext& c);
/// The meetings the index finds for the search page's words (`text`) under its filters, in
/// its order (`sort`: best match, `date`, `-date`), at most `limit` (0: all) of `total`:
/// std::nullopt when there are no words or no index (the page then filters as kb query
/// --text does); `error` set when a filter is bad.
std::optional<std::vector<SearchHit>> ranked_meetings(const PageContext& c, std::string& error, std::size_t limit,
                                                     std::size_t* total);
HttpResponse api_graph(const PageContext& c);
/// The neighbourhood of `center` for the graph explorer: its newest meetings (a meeting: itself)
/// and what they name.
GraphData neighbourhood(const KnowledgeBase& kb, NodeId center);

}  // namespace kb::serve
