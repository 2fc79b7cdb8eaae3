#include "kb/render/mustache.h"

#include <kainjow/mustache.hpp>

namespace kb {
namespace {

namespace mu = kainjow::mustache;

// Builds kainjow's tree from `d`, freeing each of d's subtrees once converted (the two trees
// of a long report are never whole at once), without copying a subtree: mu::data's push_back
// and set copy their argument, and a tree built bottom-up with them copies each level's
// subtree into its parent. Members are moved in through operator[], items through the list
// itself, which kainjow exposes only as const (the list is not const).
mu::data to_data(TemplateData&& d) {
  switch (d.kind()) {
    case TemplateData::Kind::text: return mu::data(d.text());
    case TemplateData::Kind::flag: return mu::data(d.flag());
    case TemplateData::Kind::list: {
      mu::data list(mu::data::type::list);
      auto& items = const_cast<mu::list&>(list.list_value());
      std::vector<TemplateData> from = d.take_items();
      items.reserve(from.size());
      for (auto& item : from) {
        items.push_back(to_data(std::move(item)));
        item = TemplateData();
      }
      return list;
    }
    case TemplateData::Kind::object: {
      mu::data obj(mu::data::type::object);
      for (auto& [k, v] : d.take_fields()) obj[k] = to_data(std::move(v));
      return obj;
    }
  }
  return mu::data();
}

}  // namespace

std::optional<std::string> render_mustache(std::string_view tpl, TemplateData data, const Escaper& escape,
                                           std::string& error) {
  mu::mustache t{std::string(tpl)};
  if (!t.is_valid()) {
    error = t.error_message();
    return std::nullopt;
  }
  if (escape) t.set_custom_escape(escape);
  else t.set_custom_escape([](const std::string& s) { return s; });
  std::string out = t.render(to_data(std::move(data)));
  if (!t.is_valid()) {
    error = t.error_message();
    return std::nullopt;
  }
  return out;
}

}  // namespace kb
