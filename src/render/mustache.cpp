#include "kb/render/mustache.h"

#include <kainjow/mustache.hpp>

namespace kb {
namespace {

namespace mu = kainjow::mustache;

mu::data to_data(const TemplateData& d) {
  switch (d.kind()) {
    case TemplateData::Kind::text: return mu::data(d.text());
    case TemplateData::Kind::flag: return mu::data(d.flag());
    case TemplateData::Kind::list: {
      mu::data list(mu::data::type::list);
      for (const auto& item : d.items()) list.push_back(to_data(item));
      return list;
    }
    case TemplateData::Kind::object: {
      mu::data obj(mu::data::type::object);
      for (const auto& [k, v] : d.fields()) obj.set(k, to_data(v));
      return obj;
    }
  }
  return mu::data();
}

}  // namespace

std::optional<std::string> render_mustache(std::string_view tpl, const TemplateData& data, const Escaper& escape,
                                           std::string& error) {
  mu::mustache t{std::string(tpl)};
  if (!t.is_valid()) {
    error = t.error_message();
    return std::nullopt;
  }
  if (escape) t.set_custom_escape(escape);
  else t.set_custom_escape([](const std::string& s) { return s; });
  std::string out = t.render(to_data(data));
  if (!t.is_valid()) {
    error = t.error_message();
    return std::nullopt;
  }
  return out;
}

}  // namespace kb
