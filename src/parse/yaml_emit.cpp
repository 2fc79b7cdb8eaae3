#include "kb/parse/yaml_emit.h"

#include <yaml-cpp/yaml.h>

#include "kb/base/date.h"
#include "kb/base/text.h"

namespace kb {

YamlOut YamlOut::str(std::string s) {
  YamlOut v;
  v.text = std::move(s);
  return v;
}

YamlOut YamlOut::date(std::string s) {
  YamlOut v;
  v.kind = Kind::date;
  v.text = std::move(s);
  return v;
}

YamlOut YamlOut::seq(bool flow) {
  YamlOut v;
  v.kind = Kind::sequence;
  v.flow = flow;
  return v;
}

YamlOut YamlOut::map() {
  YamlOut v;
  v.kind = Kind::mapping;
  return v;
}

YamlOut& YamlOut::add(std::string key, YamlOut value) {
  entries.emplace_back(std::move(key), std::move(value));
  return *this;
}

YamlOut& YamlOut::push(YamlOut value) {
  items.push_back(std::move(value));
  return *this;
}

namespace {

bool is_ascii_letter(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Characters that may appear after the first one in a plain scalar we write. Anything else
// (`:`, `#`, `,`, brackets, quotes, `%`, `@`, `` ` ``, `!`, `*`, `&`...) makes us quote.
bool plain_ok(unsigned char c) {
  if (c >= 0x80) return true;  // UTF-8 continuation and lead bytes; special code points below
  if (is_ascii_letter(c) || (c >= '0' && c <= '9')) return true;
  switch (c) {
    case ' ': case '-': case '_': case '.': case '(': case ')': case '/': case '+': case '\'':
      return true;
    default:
      return false;
  }
}

void emit(YAML::Emitter& out, const YamlOut& v) {
  switch (v.kind) {
    case YamlOut::Kind::text:
      if (yaml_needs_quotes(v.text)) out << YAML::DoubleQuoted << v.text;
      else out << v.text;
      break;
    case YamlOut::Kind::date:
      // A real date stays plain, as people write it; both readers agree on its value.
      if (parse_date(v.text)) out << v.text;
      else out << YAML::DoubleQuoted << v.text;
      break;
    case YamlOut::Kind::sequence:
      if (v.flow) out << YAML::Flow;
      out << YAML::BeginSeq;
      for (const auto& item : v.items) emit(out, item);
      out << YAML::EndSeq;
      break;
    case YamlOut::Kind::mapping:
      out << YAML::BeginMap;
      for (const auto& [key, value] : v.entries) {
        out << YAML::Key;
        if (yaml_needs_quotes(key)) out << YAML::DoubleQuoted;
        out << key << YAML::Value;
        emit(out, value);
      }
      out << YAML::EndMap;
      break;
  }
}

}  // namespace

bool yaml_needs_quotes(std::string_view s) {
  if (s.empty()) return true;
  auto first = static_cast<unsigned char>(s.front());
  // Digits (numbers, dates, times, sexagesimals), `.inf`, `-`, `~` and every indicator.
  if (!is_ascii_letter(first) && first < 0x80) return true;
  if (s.back() == ' ' || s.front() == ' ') return true;
  static const char* const kWords[] = {"y", "n", "yes", "no", "true", "false", "on", "off", "null"};
  std::string lower = to_lower_ascii(s);
  for (const char* w : kWords)
    if (lower == w) return true;
  for (unsigned char c : s)
    if (!plain_ok(c)) return true;
  // Line and paragraph separators, NEL and the byte-order mark read as breaks or are dropped.
  for (const char* special : {"\xE2\x80\xA8", "\xE2\x80\xA9", "\xC2\x85", "\xEF\xBB\xBF"})
    if (s.find(special) != std::string_view::npos) return true;
  return false;
}

std::string emit_yaml(const YamlOut& mapping) {
  YAML::Emitter out;
  out.SetIndent(2);
  out.SetOutputCharset(YAML::EmitNonAscii);
  emit(out, mapping);
  std::string text = out.c_str();
  if (mapping.entries.empty()) return "{}\n";
  if (text.empty() || text.back() != '\n') text += '\n';
  return text;
}

std::string emit_yaml_inline(const YamlOut& value) {
  YAML::Emitter out;
  out.SetOutputCharset(YAML::EmitNonAscii);
  // Flow applies to the next collection and everything nested in it.
  if (value.kind == YamlOut::Kind::sequence || value.kind == YamlOut::Kind::mapping) out << YAML::Flow;
  emit(out, value);
  return out.c_str();
}

}  // namespace kb
