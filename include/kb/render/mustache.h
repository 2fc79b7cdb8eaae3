#pragma once
// Mustache templates (kainjow-mustache stays in mustache.cpp). TemplateData is a neutral
// context tree (text, flag, list or object) that reports and note templates fill in.

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kb {

class TemplateData {
 public:
  enum class Kind { object, text, list, flag };

  TemplateData() = default;  ///< an empty object
  TemplateData(std::string text) : kind_(Kind::text), text_(std::move(text)) {}
  TemplateData(const char* text) : kind_(Kind::text), text_(text) {}
  TemplateData(bool flag) : kind_(Kind::flag), flag_(flag) {}
  static TemplateData list(std::vector<TemplateData> items = {}) {
    TemplateData d;
    d.kind_ = Kind::list;
    d.items_ = std::move(items);
    return d;
  }

  /// Object: sets `key`, in place of its value if it has one (REQUIRES: kind() == object).
  TemplateData& set(const std::string& key, TemplateData value) {
    for (auto& [k, v] : fields_)
      if (k == key) {
        v = std::move(value);
        return *this;
      }
    fields_.emplace_back(key, std::move(value));
    return *this;
  }
  /// List: appends (REQUIRES: kind() == list).
  TemplateData& push(TemplateData value) {
    items_.push_back(std::move(value));
    return *this;
  }
  Kind kind() const { return kind_; }
  const std::string& text() const { return text_; }
  bool flag() const { return flag_; }
  const std::vector<TemplateData>& items() const { return items_; }
  /// An object's members, each key once, in the order they were first set.
  const std::vector<std::pair<std::string, TemplateData>>& fields() const { return fields_; }
  /// Moves the items or members out (the renderer frees the tree as it converts it).
  std::vector<TemplateData> take_items() { return std::move(items_); }
  std::vector<std::pair<std::string, TemplateData>> take_fields() { return std::move(fields_); }

 private:
  Kind kind_ = Kind::object;
  std::string text_;
  bool flag_ = false;
  std::vector<TemplateData> items_;
  std::vector<std::pair<std::string, TemplateData>> fields_;  // a few keys: a map costs more
};

/// How `{{value}}` is escaped (`{{{value}}}` never is): HTML for HTML reports, Markdown
/// escaping for Markdown reports, none for YAML-emitted note text.
using Escaper = std::function<std::string(const std::string&)>;

/// Renders `tpl` with `data`, which it takes (a long report's tree is freed as it is read). A
/// template syntax error yields std::nullopt and sets `error`.
std::optional<std::string> render_mustache(std::string_view tpl, TemplateData data,
                                           const Escaper& escape, std::string& error);

}  // namespace kb
