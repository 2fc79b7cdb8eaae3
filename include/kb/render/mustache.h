#pragma once
// Mustache templates (kainjow-mustache stays in mustache.cpp). TemplateData is a neutral
// context tree (text, flag, list or object) that reports and note templates fill in.

#include <functional>
#include <list>
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
  /// Makes item i of a made list.
  using Maker = std::function<TemplateData(std::size_t)>;
  /// A list of `size` items, each made by `make(i)` when a template reaches it and freed when
  /// the template leaves it: a long list is never whole in memory. `make` is called again if a
  /// template reads the list twice, so it reads only what outlives the rendering.
  static TemplateData list(std::size_t size, Maker make) {
    TemplateData d;
    d.kind_ = Kind::list;
    d.size_ = size;
    d.make_ = std::move(make);
    return d;
  }

  /// Makes an object's member `key`: std::nullopt when it has none.
  using Lookup = std::function<std::optional<TemplateData>(std::string_view key)>;
  /// An object whose members are made by `lookup` when a template asks for them, each once, and
  /// kept until the object goes: a record of many fields of which a template reads a few (a
  /// report's action line reads 6 of 18). Members set() are found first; fields() gives only
  /// those, so a caller that copies members must ask looked_up().
  static TemplateData object(Lookup lookup) {
    TemplateData d;
    d.lookup_ = std::move(lookup);
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
  /// Object: room for `n` members without growing.
  void reserve(std::size_t n) { fields_.reserve(n); }
  /// List: appends (REQUIRES: kind() == list).
  TemplateData& push(TemplateData value) {
    items_.push_back(std::move(value));
    return *this;
  }
  Kind kind() const { return kind_; }
  const std::string& text() const { return text_; }
  bool flag() const { return flag_; }
  /// A list's length, made or stored.
  std::size_t size() const { return make_ ? size_ : items_.size(); }
  bool made() const { return static_cast<bool>(make_); }
  /// Item i of a list, made or copied (REQUIRES: i < size()).
  TemplateData item(std::size_t i) const { return make_ ? make_(i) : items_[i]; }
  /// A stored list's items; a made list has none to give and throws std::logic_error.
  const std::vector<TemplateData>& items() const;
  /// An object's members set(), each key once, in the order they were first set.
  const std::vector<std::pair<std::string, TemplateData>>& fields() const { return fields_; }
  /// An object made with object(lookup).
  bool looked_up() const { return static_cast<bool>(lookup_); }
  /// An object's member `key`, or null; for an object(lookup), made on first asking (its
  /// address then holds while the object lives).
  const TemplateData* find(std::string_view key) const;

 private:
  Kind kind_ = Kind::object;
  std::string text_;
  bool flag_ = false;
  std::vector<TemplateData> items_;
  std::size_t size_ = 0;  // a made list's
  Maker make_;
  std::vector<std::pair<std::string, TemplateData>> fields_;  // a few keys: a map costs more
  Lookup lookup_;
  // The members lookup_ made: a list, as a member's address must hold while more are made
  // (and a list may hold the type being defined; it allocates nothing while empty).
  mutable std::list<std::pair<std::string, TemplateData>> made_fields_;
};

/// How `{{value}}` is escaped (`{{{value}}}` never is): HTML for HTML reports, Markdown
/// escaping for Markdown reports, none for YAML-emitted note text.
using Escaper = std::function<std::string(const std::string&)>;

/// Renders `tpl` with `data`. A template syntax error yields std::nullopt and sets `error`.
std::optional<std::string> render_mustache(std::string_view tpl, const TemplateData& data,
                                           const Escaper& escape, std::string& error);

/// Text kept in blocks of a fixed size: a long rendering (a report of tens of thousands of
/// lines) grows by a block at a time instead of being copied into ever larger strings.
class BlockText {
 public:
  void append(std::string_view s);
  std::vector<std::string>& blocks() { return blocks_; }

 private:
  static constexpr std::size_t kBlock = std::size_t{1} << 20;
  std::vector<std::string> blocks_;
};

/// render_mustache() into `out`, for a long rendering. False on a template error (sets
/// `error`; `out` may then hold a part).
bool render_mustache(std::string_view tpl, const TemplateData& data, const Escaper& escape, BlockText& out,
                     std::string& error);

}  // namespace kb
