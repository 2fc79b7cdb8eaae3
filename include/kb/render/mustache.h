#pragma once
// Mustache templates (kainjow-mustache stays in mustache.cpp). TemplateData is a neutral
// context tree (text, flag, list or object) that reports and note templates fill in.

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kb {

class TemplateData {
 public:
  enum class Kind { object, text, list, flag };

  TemplateData() = default;  ///< an empty object
  TemplateData(std::string text) : kind_(Kind::text), text_(std::move(text)) {}
  TemplateData(const char* text) : kind_(Kind::text), text_(text) {}
  TemplateData(bool flag) : kind_(Kind::flag), flag_(flag) {}
  static TemplateData list() {
    TemplateData d;
    d.kind_ = Kind::list;
    return d;
  }

  /// Object: sets `key` (REQUIRES: kind() == object).
  TemplateData& set(const std::string& key, TemplateData value) {
    fields_[key] = std::move(value);
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
  const std::map<std::string, TemplateData>& fields() const { return fields_; }

 private:
  Kind kind_ = Kind::object;
  std::string text_;
  bool flag_ = false;
  std::vector<TemplateData> items_;
  std::map<std::string, TemplateData> fields_;
};

/// How `{{value}}` is escaped (`{{{value}}}` never is): HTML for HTML reports, Markdown
/// escaping for Markdown reports, none for YAML-emitted note text.
using Escaper = std::function<std::string(const std::string&)>;

/// Renders `tpl` with `data`. A template syntax error yields std::nullopt and sets `error`.
std::optional<std::string> render_mustache(std::string_view tpl, const TemplateData& data,
                                           const Escaper& escape, std::string& error);

}  // namespace kb
