#include "kb/parse/front_matter.h"

#include <string>
#include <unordered_set>

#include <yaml-cpp/yaml.h>

#include "kb/base/text.h"

namespace kb {
namespace {

constexpr int kMaxDepth = 64;
constexpr std::size_t kMaxNodes = 100000;

struct Line {
  std::size_t begin;
  std::size_t end;   // excluding the line break
  std::size_t next;  // start of the next line
};

Line line_at(std::string_view text, std::size_t pos) {
  std::size_t nl = text.find('\n', pos);
  std::size_t end = nl == std::string_view::npos ? text.size() : nl;
  std::size_t next = nl == std::string_view::npos ? text.size() : nl + 1;
  std::size_t content_end = end;
  if (content_end > pos && text[content_end - 1] == '\r') --content_end;
  return {pos, content_end, next};
}

bool is_fence(std::string_view line, std::string_view fence) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  return line == fence;
}

class Converter {
 public:
  Converter(std::string_view path, int first_line, DiagSink& diags)
      : path_(path), first_line_(first_line), diags_(diags) {}

  bool convert(const YAML::Node& node, Value& out, int depth) {
    out.loc = loc_of(node);
    if (++nodes_ > kMaxNodes) return fail(out.loc, "front matter has too many values (more than " +
                                                       std::to_string(kMaxNodes) + ")");
    if (depth > kMaxDepth)
      return fail(out.loc, "front matter is nested too deeply (more than " +
                               std::to_string(kMaxDepth) + " levels)");
    switch (node.Type()) {
      case YAML::NodeType::Null:
      case YAML::NodeType::Undefined:
        out.kind = Value::Kind::null;
        return true;
      case YAML::NodeType::Scalar:
        out.kind = Value::Kind::scalar;
        out.text = node.Scalar();
        return true;
      case YAML::NodeType::Sequence:
        out.kind = Value::Kind::sequence;
        for (const auto& item : node) {
          out.items.emplace_back();
          if (!convert(item, out.items.back(), depth + 1)) return false;
        }
        return true;
      case YAML::NodeType::Map: {
        out.kind = Value::Kind::mapping;
        std::unordered_set<std::string> seen;
        for (const auto& kv : node) {
          std::string key = kv.first.IsScalar() ? kv.first.Scalar() : std::string();
          if (!kv.first.IsScalar())
            return fail(loc_of(kv.first), "a front matter key must be plain text");
          if (!seen.insert(key).second)
            return fail(loc_of(kv.first), "duplicate key '" + key + "'");
          out.entries.emplace_back(key, Value{});
          if (!convert(kv.second, out.entries.back().second, depth + 1)) return false;
          if (out.entries.back().second.loc.line == 0) out.entries.back().second.loc = loc_of(kv.first);
        }
        return true;
      }
    }
    return true;
  }

 private:
  SourceLoc loc_of(const YAML::Node& node) const {
    YAML::Mark m = node.Mark();
    if (m.is_null()) return {std::string(path_), 0, 0};
    return {std::string(path_), m.line + first_line_, m.column + 1};
  }
  bool fail(const SourceLoc& loc, std::string message) {
    diags_.error(loc, std::move(message));
    return false;
  }

  std::string_view path_;
  int first_line_;
  DiagSink& diags_;
  std::size_t nodes_ = 0;
};

// yaml-cpp 0.7 lets an unterminated single-line quote swallow the lines after it; catch the
// common case (a `key: "...` line whose quote never closes on that line) before parsing.
bool check_quotes(std::string_view path, std::string_view yaml, int first_line, DiagSink& diags) {
  std::size_t pos = 0;
  int line_no = first_line;
  while (pos < yaml.size()) {
    Line l = line_at(yaml, pos);
    std::string_view line = yaml.substr(l.begin, l.end - l.begin);
    std::size_t colon = line.find(": ");
    if (colon != std::string_view::npos && line.find('#') > colon) {
      std::size_t v = line.find_first_not_of(' ', colon + 2);
      if (v != std::string_view::npos && (line[v] == '"' || line[v] == '\'')) {
        char q = line[v];
        bool closed = false;
        for (std::size_t i = v + 1; i < line.size(); ++i) {
          if (q == '"' && line[i] == '\\') {
            ++i;
            continue;
          }
          if (line[i] == q) {
            if (q == '\'' && i + 1 < line.size() && line[i + 1] == '\'') {
              ++i;
              continue;
            }
            closed = true;
            break;
          }
        }
        if (!closed) {
          diags.error({std::string(path), line_no, static_cast<int>(v) + 1},
                      "unterminated quoted value (add the closing " + std::string(1, q) + ")");
          return false;
        }
      }
    }
    pos = l.next;
    ++line_no;
  }
  return true;
}

std::optional<Value> parse_yaml(std::string_view path, std::string_view yaml, int first_line,
                                DiagSink& diags) {
  if (!check_quotes(path, yaml, first_line, diags)) return std::nullopt;
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml));
  } catch (const YAML::ParserException& e) {
    SourceLoc loc{std::string(path), e.mark.line + first_line, e.mark.column + 1};
    if (e.mark.is_null()) loc.line = loc.column = 0;
    diags.error(loc, "invalid YAML: " + e.msg);
    return std::nullopt;
  } catch (const YAML::Exception& e) {
    diags.error({std::string(path), first_line, 0}, "invalid YAML: " + e.msg);
    return std::nullopt;
  }
  Value out;
  Converter conv(path, first_line, diags);
  if (!conv.convert(root, out, 0)) return std::nullopt;
  return out;
}

}  // namespace

const Value* Value::find(std::string_view key) const {
  for (const auto& [k, v] : entries)
    if (k == key) return &v;
  return nullptr;
}

Value* Value::find(std::string_view key) {
  for (auto& [k, v] : entries)
    if (k == key) return &v;
  return nullptr;
}

std::optional<FrontMatter> parse_front_matter(std::string_view path, std::string_view text,
                                              DiagSink& diags) {
  FrontMatter fm;
  fm.fields.kind = Value::Kind::mapping;
  fm.fields.loc = {std::string(path), 1, 1};
  std::size_t start = 0;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") start = 3;
  Line first = line_at(text, start);
  if (!is_fence(text.substr(first.begin, first.end - first.begin), "---")) {
    fm.body_offset = start;
    fm.body_line = 1;
    return fm;
  }
  // Find the closing fence.
  std::size_t pos = first.next;
  int line_no = 2;
  while (pos < text.size()) {
    Line l = line_at(text, pos);
    std::string_view line = text.substr(l.begin, l.end - l.begin);
    if (is_fence(line, "---") || is_fence(line, "...")) {
      std::string yaml(text.substr(first.next, l.begin - first.next));
      // CRLF: yaml-cpp reads "\r" into scalars; drop it before the line break.
      std::string clean;
      clean.reserve(yaml.size());
      for (std::size_t i = 0; i < yaml.size(); ++i)
        if (!(yaml[i] == '\r' && i + 1 < yaml.size() && yaml[i + 1] == '\n')) clean += yaml[i];
      fm.present = true;
      fm.body_offset = l.next;
      fm.body_line = line_no + 1;
      if (trim(clean).empty()) return fm;
      auto value = parse_yaml(path, clean, 2, diags);
      if (!value) return std::nullopt;
      if (value->is_null()) return fm;
      if (!value->is_mapping()) {
        diags.error({std::string(path), 2, 1}, "front matter must be a mapping of keys to values");
        return std::nullopt;
      }
      fm.fields = std::move(*value);
      return fm;
    }
    pos = l.next;
    ++line_no;
  }
  diags.error({std::string(path), 1, 1}, "front matter is not closed (add a line '---' after it)");
  return std::nullopt;
}

std::optional<Value> parse_yaml_document(std::string_view path, std::string_view text,
                                        DiagSink& diags) {
  return parse_yaml(path, text, 1, diags);
}

}  // namespace kb
