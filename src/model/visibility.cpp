#include "kb/model/visibility.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "kb/base/text.h"
#include "kb/parse/markdown.h"

namespace kb {
namespace {

std::string word_of(std::string_view text) { return to_lower_ascii(trim(text)); }

void read_levels(const Value& doc, Visibility& v, DiagSink& diags) {
  const Value* levels = doc.find("visibility");
  if (!levels || levels->is_null()) return;
  std::vector<std::string> words;
  for (const auto& item : levels->items)
    if (item.is_scalar() && !trim(item.text).empty()) words.push_back(word_of(item.text));
  if (!levels->is_sequence() || words.size() != levels->items.size() || words.empty()) {
    diags.error(levels->loc, "'visibility' must list the levels, least restricted first ([public, internal, confidential])");
    return;
  }
  v.levels = std::move(words);
}

void read_audiences(const Value& doc, Visibility& v, DiagSink& diags) {
  const Value* audiences = doc.find("audiences");
  if (audiences && !audiences->is_null() && !audiences->is_mapping())
    diags.error(audiences->loc, "'audiences' must map each audience to the last level it may see (external: public)");
  for (const auto& [name, level] : audiences && audiences->is_mapping() ? audiences->entries : decltype(audiences->entries){}) {
    auto at = level.is_scalar() ? level_named(v, level.text) : std::nullopt;
    if (!at) {
      diags.error(level.loc, fmt::format("audience '{}': no level '{}' (levels: {})", name,
                                         level.is_scalar() ? level.text : "", level_list(v)));
      continue;
    }
    v.audiences.emplace_back(word_of(name), *at);
  }
  if (const Value* a = doc.find("audience"); a && a->is_scalar()) v.audience = word_of(a->text);
}

}  // namespace

std::string level_list(const Visibility& v) {
  std::string out;
  for (const auto& l : v.levels) out += (out.empty() ? "" : ", ") + l;
  return out;
}

Visibility parse_visibility(const Value& config, DiagSink& diags) {
  Visibility v;
  read_levels(config, v, diags);
  read_audiences(config, v, diags);
  return v;
}

std::optional<std::size_t> level_named(const Visibility& v, std::string_view word) {
  const std::string w = word_of(word);
  for (std::size_t i = 0; i < v.levels.size(); ++i)
    if (v.levels[i] == w) return i;
  return std::nullopt;
}

std::optional<std::size_t> audience_level(const Visibility& v, std::string_view audience, std::string& error) {
  const std::string a = word_of(audience);
  if (a == "all") return std::nullopt;
  for (const auto& [name, level] : v.audiences)
    if (name == a) return level;
  if (auto level = level_named(v, a)) return level;
  if (a == "external") return 0;
  std::string names = "all, external";
  for (const auto& [name, level] : v.audiences) names += ", " + name;
  error = fmt::format("unknown audience '{}' (choose {}, or a level: {})", audience, names, level_list(v));
  return std::nullopt;
}

std::optional<std::size_t> line_level(const Visibility& v, std::string_view line) {
  std::optional<std::size_t> most;
  for (std::size_t at = line.find('#'); at != std::string_view::npos; at = line.find('#', at + 1)) {
    if (at > 0 && line[at - 1] != ' ' && line[at - 1] != '\t' && line[at - 1] != '(') continue;  // not a tag
    std::size_t end = at + 1;
    while (end < line.size() && (std::isalnum(static_cast<unsigned char>(line[end])) || line[end] == '-' || line[end] == '_'))
      ++end;
    if (auto level = level_named(v, line.substr(at + 1, end - at - 1)); level && (!most || *level > *most)) most = level;
  }
  return most;
}

bool AudienceFilter::shows_note(std::string_view word) const {
  if (trim(word).empty()) return true;
  // An unknown word is the most restricted level: what the writer meant to hide stays hidden.
  return level_named(v_, word).value_or(v_.levels.size()) <= max_;
}

bool AudienceFilter::shows_line(std::string_view line) const {
  const auto level = line_level(v_, line);
  return !level || *level <= max_;
}

namespace {

// The first line of `text` with its line break, taken off `text`.
std::string_view take_line(std::string_view& text) {
  const std::size_t nl = text.find('\n');
  const std::string_view line = text.substr(0, nl == std::string_view::npos ? text.size() : nl + 1);
  text.remove_prefix(line.size());
  return line;
}

}  // namespace

std::string AudienceFilter::blank_lines(std::string_view text, std::size_t& dropped) const {
  std::string out;
  out.reserve(text.size());
  while (!text.empty()) {
    const std::string_view line = take_line(text);
    if (shows_line(line)) {
      out += line;
    } else {
      ++dropped;
      if (line.back() == '\n') out += line.size() > 1 && line[line.size() - 2] == '\r' ? "\r\n" : "\n";
    }
  }
  return out;
}

bool AudienceFilter::shows_fields(const Value& fields) const {
  const Value* word = fields.find_property("visibility");
  return !word || word->is_null() || (word->is_scalar() && shows_note(word->text));
}

AudienceFilter::Shown AudienceFilter::shown(const Value& fields, std::string_view body) const {
  if (!shows_fields(fields)) return Shown::none;
  while (!body.empty())
    if (!shows_line(take_line(body))) return Shown::part;
  return Shown::all;
}

bool AudienceFilter::apply(RawRecord& raw, std::size_t& dropped) const {
  if (!shows_fields(raw.front.fields)) return false;
  const std::size_t before = dropped;
  std::string body = blank_lines(raw.body, dropped);
  if (dropped == before) return true;
  raw.body = std::move(body);
  if (raw.body_parsed) parse_body_again(raw);
  return true;
}

}  // namespace kb
