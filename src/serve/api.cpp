// The JSON API: the same JSON as `kb query|show|actions|graph --format json`, written by the
// render module's functions; the parameters are the search form's (filters.cpp).
#include <iterator>
#include <sstream>

#include <fmt/format.h>

#include "kb/query/profile.h"
#include "kb/render/graph_out.h"
#include "kb/render/output.h"
#include "kb/render/search.h"
#include "pages.h"

namespace kb::serve {

namespace {

constexpr std::size_t kNeighbourMeetings = 25;  // the newest meetings a neighbourhood shows

RenderOptions json_options() {
  RenderOptions o;
  o.format = OutputFormat::json;
  return o;
}

// A JSON string literal (for error bodies; everything else is the render module's JSON).
std::string json_string(const std::string& s) {
  std::string out = "\"";
  for (unsigned char ch : s) {
    if (ch == '"' || ch == '\\') out += {'\\', static_cast<char>(ch)};
    else if (ch < 0x20) fmt::format_to(std::back_inserter(out), "\\u{:04x}", ch);
    else out += static_cast<char>(ch);
  }
  return out + "\"";
}

}  // namespace

HttpResponse json_error(int status, const std::string& message) {
  return json_response(fmt::format("{{\"error\": {}}}\n", json_string(message)), status);
}

GraphData neighbourhood(const KnowledgeBase& kb, NodeId center) {
  const Record& r = kb.at(center);
  std::vector<NodeId> meetings;
  if (r.type == RecordType::meeting) meetings.push_back(center);
  else {
    meetings = meetings_for(kb, center);  // oldest first
    if (meetings.size() > kNeighbourMeetings) meetings.erase(meetings.begin(), meetings.end() - kNeighbourMeetings);
  }
  GraphScope scope;
  scope.meetings = meetings;
  scope.mentions = kb.has_links;
  GraphData g = build_graph(kb, scope);
  if (std::find(g.nodes.begin(), g.nodes.end(), center) == g.nodes.end()) g.nodes.push_back(center);
  return g;
}

HttpResponse api_meetings(const PageContext& c) {
  std::string error;
  auto f = meeting_filter_of(c, error);
  if (!f) return json_error(400, error);
  f->explain = false;
  std::ostringstream out;
  render_meetings(out, c.kb, find_meetings(c.kb, *f), json_options());
  return json_response(out.str());
}

std::optional<std::vector<SearchHit>> ranked_meetings(const PageContext& c, std::string& error, std::size_t limit,
                                                     std::size_t* total) {
  const std::string words = c.req.param("text");
  if (words.empty() || !c.search) return std::nullopt;
  auto f = meeting_filter_of(c, error);
  if (!f) return std::nullopt;
  SearchRequest request;
  request.terms = parse_search(words);
  if (request.terms.empty()) return std::nullopt;
  f->text = {};  // the index finds the words
  f->explain = false;
  request.meetings = std::move(*f);
  request.types = {RecordType::meeting};
  const std::string sort = c.req.param("sort");
  request.order = sort == "date" ? SearchOrder::oldest : sort == "-date" ? SearchOrder::newest : SearchOrder::rank;
  request.limit = limit;
  return c.search(request, total);
}

HttpResponse api_search(const PageContext& c) {
  if (c.req.param("text").empty()) return json_error(400, "give the words to search for: /api/search?text=WORDS");
  std::string error;
  auto hits = ranked_meetings(c, error, 0, nullptr);
  if (!error.empty()) return json_error(400, error);
  if (!hits) return json_error(404, "no search index here (the KB is served to an audience)");
  std::ostringstream out;
  render_search_hits(out, c.kb, *hits, json_options());
  return json_response(out.str());
}

HttpResponse api_record(const PageContext& c, const std::string& rid) {
  const Record* r = c.kb.lookup_rid(rid);
  if (!r) return json_error(404, fmt::format("no record has the id '{}'", rid));
  std::ostringstream out;
  render_profile(out, c.kb, build_profile(c.kb, r->id, c.today), json_options());
  return json_response(out.str());
}

HttpResponse api_actions(const PageContext& c) {
  std::string error;
  auto f = action_filter_of(c, error);
  if (!f) return json_error(400, error);
  std::ostringstream out;
  render_actions(out, c.kb, find_actions(c.kb, *f), json_options());
  return json_response(out.str());
}

HttpResponse api_graph(const PageContext& c) {
  const std::string around = c.req.param("around");
  if (around.empty()) return json_error(400, "give around=ID (a record id or a name)");
  std::string error;
  auto center = record_named(c.kb, around, error);
  if (!center) return json_error(404, error);
  std::ostringstream out;
  GraphRenderOptions o;
  o.format = GraphFormat::json;
  render_graph(out, c.kb, neighbourhood(c.kb, *center), o);
  return json_response(out.str());
}

}  // namespace kb::serve
