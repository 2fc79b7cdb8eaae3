// Filling the embedded templates: partials, link targets, the layout.
#include <cctype>
#include <iterator>
#include <string_view>

#include <fmt/format.h>

#include "assets.h"
#include "kb/render/table.h"
#include "pages.h"

namespace kb::serve {

namespace {

// `{{>name}}` replaced by the asset name.html.mustache (kb's TemplateData has no partials);
// two levels deep, which is all the templates use.
std::string with_partials(std::string tpl, int depth = 0) {
  for (std::size_t at; depth < 2 && (at = tpl.find("{{>")) != std::string::npos;) {
    std::size_t end = tpl.find("}}", at);
    if (end == std::string::npos) break;
    const char* part = lookup_asset(tpl.substr(at + 3, end - at - 3) + ".html.mustache");
    std::string text = part ? with_partials(part, depth + 1) : std::string();
    while (!text.empty() && text.back() == '\n') text.pop_back();
    tpl.replace(at, end + 2 - at, text);
  }
  return tpl;
}

bool names_a_record(std::string_view key) {
  auto ends = [&](std::string_view tail) { return key.size() >= tail.size() && key.substr(key.size() - tail.size()) == tail; };
  return key == "id" || key == "rid" || ends("_rid") || ends("_id");
}

TemplateData with_urls(const TemplateData& d);

// with_urls() of an object whose members are made when asked for: so are its `_url` forms.
TemplateData looked_up_with_urls(const TemplateData& d) {
  return TemplateData::object([d](std::string_view key) -> std::optional<TemplateData> {
    if (key.ends_with("_url")) {
      const std::string_view named = key.substr(0, key.size() - 4);
      const TemplateData* id = names_a_record(named) ? d.find(named) : nullptr;
      if (id && id->kind() == TemplateData::Kind::text) return TemplateData(url_encode(id->text(), true));
    }
    const TemplateData* value = d.find(key);
    return value ? std::optional<TemplateData>(with_urls(*value)) : std::nullopt;
  });
}

// A copy of `d` in which each record id also has its `_url` form.
TemplateData with_urls(const TemplateData& d) {
  if (d.kind() == TemplateData::Kind::object && d.looked_up()) return looked_up_with_urls(d);
  if (d.kind() == TemplateData::Kind::list && d.made())
    return TemplateData::list(d.size(), [d](std::size_t i) { return with_urls(d.item(i)); });
  if (d.kind() == TemplateData::Kind::list) {
    TemplateData out = TemplateData::list();
    for (const auto& item : d.items()) out.push(with_urls(item));
    return out;
  }
  if (d.kind() != TemplateData::Kind::object) return d;
  TemplateData out;
  for (const auto& [key, value] : d.fields()) {
    out.set(key, with_urls(value));
    if (value.kind() == TemplateData::Kind::text && names_a_record(key))
      out.set(key + "_url", url_encode(value.text(), true));
  }
  return out;
}

std::string render(const std::string& asset, const TemplateData& data) {
  const char* tpl = lookup_asset(asset);
  if (!tpl) return fmt::format("<p class=\"error\">missing template {}</p>", html_escape(asset));
  std::string error;
  Escaper esc = [](const std::string& s) { return html_escape(s); };
  auto text = render_mustache(with_partials(tpl), data, esc, error);
  if (text) return *text;
  return fmt::format("<p class=\"error\">template {}: {}</p>", html_escape(asset), html_escape(error));
}

}  // namespace

std::string url_encode(const std::string& text, bool keep_slash) {
  std::string out;
  for (unsigned char ch : text) {
    if (std::isalnum(ch) || ch == '-' || ch == '_' || ch == '.' || ch == '~' || (keep_slash && ch == '/')) out += static_cast<char>(ch);
    else fmt::format_to(std::back_inserter(out), "%{:02X}", ch);
  }
  return out;
}

HttpResponse html_page(const PageContext& c, int status, const std::string& title, const std::string& content,
                       TemplateData data) {
  data.set("can_write", c.can_write);
  data.set("token", c.token);
  // A form sends the reader back to this page with its filters (not an earlier change's message).
  std::string query;
  for (const auto& [k, v] : c.req.params)
    if (k != "done" && k != "refused" && k != "token")
      fmt::format_to(std::back_inserter(query), "{}{}={}", query.empty() ? "" : "&", url_encode(k, false),
                     url_encode(v, false));
  data.set("back", query.empty() ? c.req.path : fmt::format("{}?{}", c.req.path, query));
  TemplateData layout;
  layout.set("title", title);
  layout.set("kb_name", c.kb.config.name);
  layout.set("has_kb_name", !c.kb.config.name.empty());
  layout.set("content", render(content, with_urls(data)));
  layout.set("generation", std::to_string(c.generation));
  std::size_t problems = c.load.skipped.size();
  layout.set("has_problems", problems > 0);
  layout.set("problems",
             fmt::format("{} {}", problems, problems == 1 ? "file could not be loaded" : "files could not be loaded"));
  layout.set("has_flash", !c.flash.empty());
  layout.set("flash", c.flash);
  layout.set("flash_kind", c.flash_bad ? "bad" : "ok");
  HttpResponse r;
  r.status = status;
  r.body = render("layout.html.mustache", std::move(layout));
  return r;
}

HttpResponse error_page(const PageContext& c, int status, const std::string& heading, const std::string& message) {
  TemplateData d;
  d.set("heading", heading);
  d.set("message", message);
  return html_page(c, status, heading, "error.html.mustache", d);
}

HttpResponse json_response(const std::string& body, int status) {
  HttpResponse r;
  r.status = status;
  r.content_type = "application/json";
  r.body = body;
  return r;
}

}  // namespace kb::serve
