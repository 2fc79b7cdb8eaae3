#include "kb/parse/json.h"

#include <cstddef>
#include <iterator>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "kb/base/text.h"

namespace kb {
namespace {

constexpr std::size_t kMaxJsonDepth = 64;

// A pointer into the text that tells how far nlohmann's lexer has read: the SAX callbacks carry
// no positions, but each comes right after its token is read, so the token ends there.
struct ReadingIterator {
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  const char* at = nullptr;
  const char** furthest = nullptr;

  reference operator*() const { return *at; }
  ReadingIterator& operator++() {
    *furthest = ++at;
    return *this;
  }
  ReadingIterator operator++(int) {
    ReadingIterator before = *this;
    ++*this;
    return before;
  }
  bool operator==(const ReadingIterator& o) const { return at == o.at; }
  bool operator!=(const ReadingIterator& o) const { return at != o.at; }
};

bool number_char(char c) { return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E'; }

// Builds the Value tree from nlohmann's SAX events; each value is located where its token starts.
class Builder : public nlohmann::json_sax<nlohmann::json> {
 public:
  Builder(std::string_view path, std::string_view text, const char* const& read)
      : path_(std::string(path)), text_(text), read_(read) {}

  std::optional<Value> root;
  std::string error;     ///< set when the parse stopped
  std::size_t error_at = 0;  ///< byte offset of the error

  bool null() override { return add_value(Value{}, literal_start(4)); }
  bool boolean(bool b) override { return add_value(scalar(b ? "true" : "false"), literal_start(b ? 4 : 5)); }
  bool number_integer(number_integer_t) override { return add_number(); }
  bool number_unsigned(number_unsigned_t) override { return add_number(); }
  bool number_float(number_float_t, const string_t&) override { return add_number(); }
  bool string(string_t& s) override { return add_value(scalar(std::move(s)), string_start()); }
  bool binary(binary_t&) override { return add_value(Value{}, offset() - 1); }  // not in JSON text
  bool start_object(std::size_t) override { return open(Value::Kind::mapping); }
  bool start_array(std::size_t) override { return open(Value::Kind::sequence); }
  bool end_object() override { return close(); }
  bool end_array() override { return close(); }
  bool key(string_t& k) override {
    stack_.back()->entries.emplace_back(std::move(k), Value{});
    return true;
  }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& e) override {
    // "[json.exception.parse_error.101] parse error at line 1, column 9: syntax error ..."
    std::string what = e.what();
    const std::size_t colon = what.find(": ");
    error = colon == std::string::npos ? what : what.substr(colon + 2);
    error_at = position > 0 ? position - 1 : 0;  // the last character read, which did not fit
    return false;
  }

  SourceLoc loc_of(std::size_t offset) {
    offset = std::min(offset, text_.size());
    // Offsets come in increasing order: count on from the last one.
    if (offset < counted_) counted_ = 0, line_ = 1, line_start_ = 0;
    for (; counted_ < offset; ++counted_)
      if (text_[counted_] == '\n') ++line_, line_start_ = counted_ + 1;
    int column = 1;
    for (std::size_t i = line_start_; i < offset; ++i)
      if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
    return {path_, line_, column};
  }

 private:
  std::size_t offset() const { return static_cast<std::size_t>(read_ - text_.data()); }
  std::size_t literal_start(std::size_t length) const { return offset() - length; }
  // The opening quote: the first '"' before the closing one that no backslash escapes (a JSON
  // string holds no other).
  std::size_t string_start() const {
    std::size_t at = offset() - 1;
    while (at > 0) {
      --at;
      std::size_t slashes = 0;
      while (at >= slashes + 1 && text_[at - slashes - 1] == '\\') ++slashes;
      if (text_[at] == '"' && slashes % 2 == 0) return at;
    }
    return 0;
  }
  // A number is read one character past its end (unless the text ends there).
  bool add_number() {
    std::size_t end = offset();
    if (end > 0 && !number_char(text_[end - 1])) --end;
    std::size_t start = end;
    while (start > 0 && number_char(text_[start - 1])) --start;
    return add_value(scalar(std::string(text_.substr(start, end - start))), start);
  }
  static Value scalar(std::string text) {
    Value v;
    v.kind = Value::Kind::scalar;
    v.text = std::move(text);
    return v;
  }
  Value* add(Value v, std::size_t start) {
    v.loc = loc_of(start);
    if (stack_.empty()) {
      root = std::move(v);
      return &*root;
    }
    Value& parent = *stack_.back();
    if (parent.is_mapping()) return &(parent.entries.back().second = std::move(v));
    parent.items.push_back(std::move(v));
    return &parent.items.back();
  }
  bool add_value(Value v, std::size_t start) { return add(std::move(v), start) != nullptr; }
  bool open(Value::Kind kind) {
    if (stack_.size() >= kMaxJsonDepth) {
      error = fmt::format("nested more than {} levels deep", kMaxJsonDepth);
      error_at = offset() - 1;
      return false;
    }
    Value v;
    v.kind = kind;
    stack_.push_back(add(std::move(v), offset() - 1));
    return true;
  }
  bool close() {
    stack_.pop_back();
    return true;
  }

  SharedPath path_;
  std::string_view text_;
  const char* const& read_;
  std::vector<Value*> stack_;  // the open objects and arrays, outermost first
  std::size_t counted_ = 0, line_start_ = 0;
  int line_ = 1;
};

}  // namespace

std::optional<Value> parse_json(std::string_view path, std::string_view text, DiagSink& diags) {
  if (trim(text).empty()) {
    Value empty;
    empty.kind = Value::Kind::mapping;
    empty.loc = {SharedPath(std::string(path)), 1, 1};
    return empty;
  }
  const char* read = text.data();
  Builder builder(path, text, read);
  ReadingIterator first{text.data(), &read}, last{text.data() + text.size(), &read};
  if (nlohmann::json::sax_parse(first, last, &builder) && builder.root) return std::move(builder.root);
  diags.error(builder.loc_of(builder.error_at), fmt::format("invalid JSON: {}", builder.error));
  return std::nullopt;
}

}  // namespace kb
