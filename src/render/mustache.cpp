#include "kb/render/mustache.h"

#include <algorithm>
#include <deque>
#include <stdexcept>

#include <kainjow/mustache.hpp>

namespace kb {

const std::vector<TemplateData>& TemplateData::items() const {
  if (make_) throw std::logic_error("TemplateData::items() on a made list: use size() and item(i)");
  return items_;
}

const TemplateData* TemplateData::find(std::string_view key) const {
  for (const auto& [k, v] : fields_)
    if (k == key) return &v;
  if (!lookup_) return nullptr;
  for (const auto& [k, v] : made_fields_)
    if (k == key) return &v;
  std::optional<TemplateData> made = lookup_(key);
  if (!made) return nullptr;
  return &made_fields_.emplace_back(std::string(key), std::move(*made)).second;
}

namespace {

namespace mu = kainjow::mustache;

// kainjow asks its context for the value of each name a template uses and pushes the value a
// section opens. This context answers from the TemplateData tree itself, so no second tree is
// built: it hands kainjow a small value for what a name resolves to (a copy of a text, a flag,
// a list of placeholders of the list's length) and, when kainjow pushes one of those, looks
// up what it stands for. A value handed out lives until the section that was open when it
// was asked for closes, which is as long as kainjow reads it.
class DataContext final : public mu::basic_context<std::string> {
 public:
  explicit DataContext(const TemplateData& root) { frames_.push_back(Frame{&root, 0, false}); }

  void push(const mu::data* value) override { frames_.push_back(frame_for(value)); }
  void pop() override {
    const Frame& top = frames_.back();
    while (handed_.size() > top.handed_from) handed_.pop_back();
    if (top.made) made_.pop_back();
    frames_.pop_back();
  }

  const mu::data* get(const std::string& name) const override {
    if (name == ".") return hand(frames_.back().data);
    for (auto f = frames_.rbegin(); f != frames_.rend(); ++f)
      if (const TemplateData* v = resolve(f->data, name)) return hand(v);
    return nullptr;
  }

  // As kainjow's own context: a plain member lookup, no dotted names.
  const mu::data* get_partial(const std::string& name) const override {
    for (auto f = frames_.rbegin(); f != frames_.rend(); ++f)
      if (const TemplateData* v = member(f->data, name)) return hand(v);
    return nullptr;
  }

 private:
  struct Handed {
    mu::data value;
    const TemplateData* source;
  };
  // A frame is what a section opened. The values handed out while it is on top, and the item
  // it made when it is one of a made list's, are on stacks of their own (no allocation a
  // frame): popping the frame pops them.
  struct Frame {
    const TemplateData* data;  // null: nothing known
    std::size_t handed_from;   // handed_'s size when the frame was pushed
    bool made;                 // its item is made_.back()
  };

  static const TemplateData* member(const TemplateData* d, std::string_view name) {
    return d && d->kind() == TemplateData::Kind::object ? d->find(name) : nullptr;
  }

  // `a.b.c` walks members from `d`; kainjow resolves a dotted name in the first frame where
  // the whole path exists.
  static const TemplateData* resolve(const TemplateData* d, std::string_view name) {
    std::size_t from = 0;
    for (std::size_t dot; d && (dot = name.find('.', from)) != std::string_view::npos; from = dot + 1)
      d = member(d, name.substr(from, dot - from));
    return member(d, name.substr(from));
  }

  static mu::data value_for(const TemplateData& d) {
    switch (d.kind()) {
      case TemplateData::Kind::text: return mu::data(d.text());
      case TemplateData::Kind::flag: return mu::data(d.flag() ? mu::data::type::bool_true : mu::data::type::bool_false);
      case TemplateData::Kind::object: return mu::data(mu::data::type::bool_true);  // truthy, renders nothing
      case TemplateData::Kind::list: {
        mu::data list(mu::data::type::list);
        auto& items = const_cast<mu::list&>(list.list_value());  // kainjow gives only a const list
        items.reserve(d.size());
        for (std::size_t i = 0; i < d.size(); ++i) items.emplace_back(mu::data::type::bool_true);
        return list;
      }
    }
    return mu::data(mu::data::type::bool_false);
  }

  const mu::data* hand(const TemplateData* d) const {
    if (!d) return nullptr;
    return &handed_.emplace_back(Handed{value_for(*d), d}).value;
  }

  // The frame for a value kainjow pushes: one handed out, or an item of a list handed out
  // (the most recent first, as kainjow pushes what it was just given).
  Frame frame_for(const mu::data* value) const {
    std::less<const mu::data*> before;
    for (auto h = handed_.rbegin(); h != handed_.rend(); ++h) {
      if (value == &h->value) return Frame{h->source, handed_.size(), false};
      if (!h->value.is_list() || h->value.list_value().empty()) continue;
      const mu::data* first = &h->value.list_value().front();
      if (before(value, first) || before(&h->value.list_value().back(), value)) continue;
      return item_frame(*h->source, static_cast<std::size_t>(value - first));
    }
    return Frame{nullptr, handed_.size(), false};
  }

  Frame item_frame(const TemplateData& list, std::size_t i) const {
    if (!list.made()) return Frame{&list.items()[i], handed_.size(), false};
    made_.push_back(list.item(i));
    return Frame{&made_.back(), handed_.size(), true};
  }

  std::vector<Frame> frames_;
  // Deques: what they hold keeps its address as they grow and shrink at the back.
  mutable std::deque<Handed> handed_;
  mutable std::deque<TemplateData> made_;
};

// kainjow writes its output to a stream; this one appends to a string or a BlockText.
template <class Text>
struct Appender {
  Text& out;
  Appender& operator<<(const std::string& s) {
    out.append(s);
    return *this;
  }
};

template <class Text>
bool render_into(std::string_view tpl, const TemplateData& data, const Escaper& escape, Text& out,
                 std::string& error) {
  mu::mustache t{std::string(tpl)};
  if (!t.is_valid()) {
    error = t.error_message();
    return false;
  }
  if (escape) t.set_custom_escape(escape);
  else t.set_custom_escape([](const std::string& s) { return s; });
  DataContext context(data);
  Appender<Text> append{out};
  t.render(context, append);
  if (!t.is_valid()) {
    error = t.error_message();
    return false;
  }
  return true;
}

}  // namespace

void BlockText::append(std::string_view s) {
  while (!s.empty()) {
    if (blocks_.empty() || blocks_.back().size() == kBlock) blocks_.emplace_back().reserve(kBlock);
    std::string& last = blocks_.back();
    const std::size_t n = std::min(s.size(), kBlock - last.size());
    last.append(s.substr(0, n));
    s.remove_prefix(n);
  }
}

std::optional<std::string> render_mustache(std::string_view tpl, const TemplateData& data, const Escaper& escape,
                                           std::string& error) {
  std::string out;
  if (!render_into(tpl, data, escape, out, error)) return std::nullopt;
  return out;
}

bool render_mustache(std::string_view tpl, const TemplateData& data, const Escaper& escape, BlockText& out,
                     std::string& error) {
  return render_into(tpl, data, escape, out, error);
}

}  // namespace kb
