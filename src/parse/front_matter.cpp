#include "kb/parse/front_matter.h"

#include <algorithm>
#include <cctype>
#include <istream>
#include <memory>
#include <streambuf>
#include <string>
#include <utility>
#include <unordered_set>

#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include "char_columns.h"
#include "kb/base/text.h"

namespace kb {
namespace {

constexpr int kMaxYamlDepth = 64;
constexpr std::size_t kMaxNodes = 100000;
// Scalar text a front matter may expand to through aliases: four times its own size, at least 1 MiB.
constexpr std::size_t kMinTextBudget = 1u << 20;

struct Line {
  std::size_t begin;
  std::size_t end;   // excluding the line break
  std::size_t next;  // start of the next line
};

// A line ends at LF, CR or CRLF (as in CommonMark), so old Mac files split like the others.
Line line_at(std::string_view text, std::size_t pos) {
  // A plain loop: find_first_of("\r\n") calls memchr on the two-byte set for every character.
  std::size_t nl = pos;
  while (nl < text.size() && text[nl] != '\n' && text[nl] != '\r') ++nl;
  if (nl >= text.size()) return {pos, text.size(), text.size()};
  std::size_t next = nl + 1;
  if (text[nl] == '\r' && next < text.size() && text[next] == '\n') ++next;
  return {pos, nl, next};
}

// yaml-cpp 0.7 keeps a CR before LF in scalars and fails on bare CR: give it LF only.
std::string lf_only(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\r') out += text[i];
    else if (i + 1 >= text.size() || text[i + 1] != '\n') out += '\n';
  }
  return out;
}

std::string deep_message() {
  return fmt::format("front matter is nested too deeply (more than {} levels)", kMaxYamlDepth);
}

// The text yaml-cpp reads, as a stream over the caller's bytes (an istringstream would copy them).
class ViewBuf : public std::streambuf {
 public:
  explicit ViewBuf(std::string_view text) {
    char* begin = const_cast<char*>(text.data());  // only read: the get area is never written
    setg(begin, begin, begin + text.size());
  }
};

bool is_fence(std::string_view line, std::string_view fence) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  return line == fence;
}

// Builds a Value tree straight from yaml-cpp's parser events, with no YAML::Node tree in
// between (a tree of shared, reference-counted nodes, built and then walked once more to copy
// it; a tenth or more of the front matter's cost, by perf at 100k notes). Everything it
// checks is checked where a walk of the finished tree would meet it, in the same order: each
// value (keys are not counted) against the value cap, its depth against the depth cap, the
// scalar text it adds against the text budget, then a map's keys (plain text, no duplicates).
// An alias is its anchor's value copied in place, counted again node by node, so a "billion
// laughs" chain of `&a [*a, *a]` levels fails at the cap instead of filling memory; an alias of
// an anchor still open (`&a [*a]`) would nest without end and is reported as too deep. The
// first problem stops the building, but the parse goes on to the end: a YAML error anywhere
// in the document is reported instead, as yaml-cpp reports it.
class ValueBuilder final : public YAML::EventHandler {
 public:
  ValueBuilder(SharedPath path, int first_line, std::size_t max_bytes)
      : path_(std::move(path)), first_line_(first_line), max_bytes_(max_bytes) {}

  /// The document's value (null when it had none). REQUIRES: no problem().
  Value take() { return std::move(root_); }
  /// The first problem met, if any, as the diagnostic to report.
  const std::optional<Diagnostic>& problem() const { return problem_; }

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    if (failed()) return;
    if (at_key()) return fail(loc_of(mark), kPlainKey);
    Value v;
    v.loc = loc_of(mark);
    if (!count(v.loc)) return;
    keep_anchor(anchor, v);
    add(std::move(v));
  }

  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                const std::string& text) override {
    if (failed()) return;
    if (at_key()) {
      Value key{Value::Kind::scalar, text, {}, {}, loc_of(mark)};
      keep_anchor(anchor, key);
      return take_key(std::move(key));
    }
    Value v{Value::Kind::scalar, {}, {}, {}, loc_of(mark)};
    if (!count(v.loc) || !spend(text.size(), v.loc)) return;
    v.text = text;
    keep_anchor(anchor, v);
    add(std::move(v));
  }

  void OnAlias(const YAML::Mark&, YAML::anchor_t anchor) override {
    if (failed()) return;
    if (anchor >= anchors_.size() || !anchors_[anchor]) return;  // the parser refuses these
    const Anchored& a = *anchors_[anchor];
    if (at_key()) {
      if (!a.value.is_scalar()) return fail(a.value.loc, kPlainKey);
      return take_key(Value(a.value));
    }
    // Reported at the collection that holds itself (a walk of yaml-cpp's node graph stopped
    // at whichever value of the cycle reached the cap first).
    if (a.open) return fail(a.value.loc, deep_message());
    Value v;
    if (!copy(a.value, v, depth())) return;
    add(std::move(v));
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(mark, anchor, Value::Kind::sequence);
  }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(mark, anchor, Value::Kind::mapping);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapEnd() override { close(); }

 private:
  static constexpr const char* kPlainKey = "a front matter key must be plain text";

  struct Frame {
    Value value;
    YAML::anchor_t anchor = YAML::NullAnchor;
    bool have_key = false;  ///< a mapping: `key` waits for its value
    std::string key;
    SourceLoc key_loc;
    std::unordered_set<std::string> seen;  ///< a large mapping's keys (a small one is scanned)
  };
  struct Anchored {
    Value value;
    bool open = false;  ///< its collection is still being read
  };

  bool failed() const { return problem_.has_value(); }
  int depth() const { return static_cast<int>(stack_.size()); }
  bool at_key() const {
    return !stack_.empty() && stack_.back().value.is_mapping() && !stack_.back().have_key;
  }

  SourceLoc loc_of(const YAML::Mark& m) const {
    if (m.is_null()) return {path_, 0, 0};
    return {path_, m.line + first_line_, m.column + 1};
  }
  // An alias's value keeps the anchor's location, which says little about where the expansion
  // happened: a cap is reported at the top-level key being read when there is one.
  SourceLoc budget_loc(const SourceLoc& here) const { return top_key_.line > 0 ? top_key_ : here; }

  void fail(SourceLoc loc, std::string message) {
    if (!problem_) problem_ = Diagnostic{Severity::error, std::move(loc), std::move(message)};
  }
  // One more value at the current depth.
  bool count(const SourceLoc& loc) { return count_at(loc, depth()); }
  bool count_at(const SourceLoc& loc, int depth) {
    if (++nodes_ > kMaxNodes) {
      fail(budget_loc(loc),
           fmt::format("front matter has too many values (more than {}; check for repeated aliases '*')", kMaxNodes));
      return false;
    }
    if (depth > kMaxYamlDepth) {
      fail(loc, deep_message());
      return false;
    }
    return true;
  }
  bool spend(std::size_t bytes, const SourceLoc& loc) {
    bytes_ += bytes;
    if (bytes_ <= max_bytes_) return true;
    fail(budget_loc(loc), fmt::format("front matter expands to too much text (more than {} bytes; check for "
                                      "repeated aliases '*')",
                                      max_bytes_));
    return false;
  }

  // An anchor's value, counted again as if it were written where the alias is.
  bool copy(const Value& from, Value& to, int depth) {
    to.kind = from.kind;
    to.loc = from.loc;
    if (!count_at(to.loc, depth)) return false;
    switch (from.kind) {
      case Value::Kind::null: return true;
      case Value::Kind::scalar:
        if (!spend(from.text.size(), to.loc)) return false;
        to.text = from.text;
        return true;
      case Value::Kind::sequence:
        to.items.reserve(from.items.size());
        for (const Value& item : from.items) {
          to.items.emplace_back();
          if (!copy(item, to.items.back(), depth + 1)) return false;
        }
        return true;
      case Value::Kind::mapping:
        to.entries.reserve(from.entries.size());
        for (const auto& [key, value] : from.entries) {
          to.entries.emplace_back(key, Value{});
          if (!copy(value, to.entries.back().second, depth + 1)) return false;
        }
        return true;
    }
    return true;
  }

  void keep_anchor(YAML::anchor_t anchor, const Value& v) {
    if (anchor == YAML::NullAnchor) return;
    if (anchors_.size() <= anchor) anchors_.resize(anchor + 1);
    anchors_[anchor] = std::make_unique<Anchored>(Anchored{v, false});
  }

  void take_key(Value key) {
    Frame& f = stack_.back();
    bool duplicate = false;
    if (f.value.entries.size() < 16) {
      for (const auto& e : f.value.entries) duplicate = duplicate || e.first == key.text;
    } else {
      if (f.seen.empty())
        for (const auto& e : f.value.entries) f.seen.insert(e.first);
      duplicate = !f.seen.insert(key.text).second;
    }
    if (duplicate) return fail(key.loc, fmt::format("duplicate key '{}' (remove one of them)", key.text));
    if (stack_.size() == 1) top_key_ = key.loc;
    f.key = std::move(key.text);
    f.key_loc = std::move(key.loc);
    f.have_key = true;
  }

  void open(const YAML::Mark& mark, YAML::anchor_t anchor, Value::Kind kind) {
    if (failed()) return;
    if (at_key()) return fail(loc_of(mark), kPlainKey);
    Frame f;
    f.value.kind = kind;
    f.value.loc = loc_of(mark);
    if (!count(f.value.loc)) return;
    f.anchor = anchor;
    if (anchor != YAML::NullAnchor) {
      keep_anchor(anchor, Value{kind, {}, {}, {}, f.value.loc});
      anchors_[anchor]->open = true;
    }
    stack_.push_back(std::move(f));
  }

  void close() {
    if (failed()) return;
    Value v = std::move(stack_.back().value);
    const YAML::anchor_t anchor = stack_.back().anchor;
    stack_.pop_back();
    keep_anchor(anchor, v);
    add(std::move(v));
  }

  void add(Value v) {
    if (stack_.empty()) {
      root_ = std::move(v);
      return;
    }
    Frame& f = stack_.back();
    if (f.value.is_sequence()) {
      f.value.items.push_back(std::move(v));
      return;
    }
    if (v.loc.line == 0) v.loc = f.key_loc;
    f.value.entries.emplace_back(std::move(f.key), std::move(v));
    f.key.clear();
    f.have_key = false;
  }

  SharedPath path_;  ///< one string for every value's location
  int first_line_;
  std::size_t max_bytes_;
  std::vector<Frame> stack_;
  std::vector<std::unique_ptr<Anchored>> anchors_;  ///< by yaml-cpp's anchor number
  Value root_;
  std::size_t nodes_ = 0;
  std::size_t bytes_ = 0;
  SourceLoc top_key_;
  std::optional<Diagnostic> problem_;
};

std::size_t indent_of(std::string_view line) {
  std::size_t i = line.find_first_not_of(' ');
  return i == std::string_view::npos ? line.size() : i;
}

// Where a quoted scalar that opens at `line[from]` closes: the index after the closing quote,
// or npos when it stays open to the end of the line.
std::size_t quote_end(std::string_view line, std::size_t from) {
  char q = line[from];
  for (std::size_t i = from + 1; i < line.size(); ++i) {
    if (q == '"' && line[i] == '\\') {
      ++i;
      continue;
    }
    if (line[i] != q) continue;
    if (q == '\'' && i + 1 < line.size() && line[i + 1] == '\'') {
      ++i;
      continue;
    }
    return i + 1;
  }
  return std::string_view::npos;
}

// The column of a quote on `line` that opens a scalar and does not close on that line, or npos.
// A quote opens a scalar where a value starts: at the start of the line's content, after a
// `- ` item marker, after `: `, and after `[`, `{` or `,` of a flow collection.
std::size_t open_quote(std::string_view line) {
  bool value_start = true;
  for (std::size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (c == ' ' || c == '\t') continue;
    if (c == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) return std::string_view::npos;
    if ((c == '"' || c == '\'') && value_start) {
      std::size_t e = quote_end(line, i);
      if (e == std::string_view::npos) return i;
      i = e - 1;
      value_start = false;
      continue;
    }
    if (c == '-' && value_start && (i + 1 == line.size() || line[i + 1] == ' ')) continue;
    if (c == '[' || c == '{' || c == ',') {
      value_start = true;
      continue;
    }
    if (c == ':' && (i + 1 == line.size() || line[i + 1] == ' ' || line[i + 1] == '\t')) {
      value_start = true;
      continue;
    }
    value_start = false;
  }
  return std::string_view::npos;
}

// A line whose value is a literal or folded block scalar (`key: |`, `- >-`, `key: |2 # c`):
// the lines below it that are indented more are text, where a quote means nothing.
bool starts_block_scalar(std::string_view line) {
  std::size_t hash = line.find(" #");
  if (hash != std::string_view::npos) line = line.substr(0, hash);
  line = trim(line);
  std::size_t i = line.size();
  while (i > 0 && (line[i - 1] == '-' || line[i - 1] == '+' || (line[i - 1] >= '1' && line[i - 1] <= '9'))) --i;
  if (i == 0 || (line[i - 1] != '|' && line[i - 1] != '>')) return false;
  --i;
  return i == 0 ? false : line[i - 1] == ' ' && (i < 2 || line[i - 2] == ':' || line[i - 2] == '-');
}

// yaml-cpp 0.7 lets an unterminated quote swallow the lines after it into one value. A quoted
// value may go on over lines that are indented more than the line it opens on (valid YAML);
// one that is still open when a line at the same or a smaller indent starts, or at the end of
// the front matter, is reported at its opening quote.
bool check_quotes(std::string_view path, std::string_view yaml, int first_line, DiagSink& diags) {
  std::size_t pos = 0;
  int line_no = first_line;
  std::size_t block_indent = std::string_view::npos;  // inside a `|` or `>` block scalar
  while (pos < yaml.size()) {
    Line l = line_at(yaml, pos);
    std::string_view line = yaml.substr(l.begin, l.end - l.begin);
    if (block_indent != std::string_view::npos) {
      if (trim(line).empty() || indent_of(line) > block_indent) {
        pos = l.next;
        ++line_no;
        continue;
      }
      block_indent = std::string_view::npos;
    }
    if (starts_block_scalar(line)) {
      block_indent = indent_of(line);
      pos = l.next;
      ++line_no;
      continue;
    }
    std::size_t q = open_quote(line);
    if (q != std::string_view::npos) {
      std::size_t indent = indent_of(line);
      char quote = line[q];
      bool closed = false;
      std::size_t next = l.next;
      int lines = 0;
      while (next < yaml.size() && !closed) {
        Line c = line_at(yaml, next);
        std::string_view cont = yaml.substr(c.begin, c.end - c.begin);
        if (!trim(cont).empty() && indent_of(cont) <= indent) break;
        // Look for the closing quote on the continuation line.
        std::string probe(1, quote);
        probe += cont;
        std::size_t e = quote_end(probe, 0);
        if (e != std::string_view::npos) {
          closed = true;
          // Go on checking after the close: the rest of that line may open another quote.
          std::size_t rest = open_quote(std::string_view(probe).substr(e));
          if (rest != std::string_view::npos) {
            closed = false;
            break;
          }
        }
        next = c.next;
        ++lines;
      }
      if (!closed) {
        diags.error({std::string(path), line_no, static_cast<int>(q) + 1},
                    fmt::format("unterminated quoted value (add the closing {} on the same line)", quote));
        return false;
      }
      pos = next;
      line_no += lines + 1;
      continue;
    }
    pos = l.next;
    ++line_no;
  }
  return true;
}

// Where flow nesting ('[' and '{' outside quotes) first goes deeper than kMaxYamlDepth; for block
// nesting, the line yaml-cpp stopped on.
SourceLoc deep_loc(std::string_view path, std::string_view yaml, int first_line, const YAML::Mark& mark) {
  int line = first_line;
  std::size_t begin = 0;
  int depth = 0;
  char quote = 0;
  for (std::size_t pos = 0; pos < yaml.size(); ++pos) {
    char c = yaml[pos];
    if (c == '\n') {
      ++line;
      begin = pos + 1;
    } else if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxYamlDepth) return {std::string(path), line, static_cast<int>(pos - begin) + 1};
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  if (mark.is_null()) return {std::string(path), first_line, 0};
  return {std::string(path), mark.line + first_line, 0};
}

// The line yaml-cpp stopped on, when it is the Obsidian habit `key: [[A]], [[B]]` (links left
// unquoted, so YAML reads a flow list and then stray text): a hint saying how to write it.
std::string link_list_hint(std::string_view yaml, const YAML::Mark& mark) {
  if (mark.is_null() || mark.line < 0) return "";
  std::size_t start = 0;
  for (int l = 0; l < mark.line && start != std::string_view::npos; ++l) {
    start = yaml.find('\n', start);
    if (start != std::string_view::npos) ++start;
  }
  if (start == std::string_view::npos || start >= yaml.size()) return "";
  std::string_view line = yaml.substr(start, yaml.find('\n', start) - start);
  std::size_t colon = line.find(": [[");
  if (colon == std::string_view::npos || line.find("]],", colon) == std::string_view::npos) return "";
  return fmt::format("; quote each [[link]] in a list: {}: [\"[[A]]\", \"[[B]]\"]", line.substr(0, colon));
}

std::optional<Value> parse_yaml_bytes(const SharedPath& path, std::string_view text, int first_line,
                                      DiagSink& diags) {
  std::string lf;
  std::string_view yaml = text;
  if (text.find('\r') != std::string_view::npos) yaml = lf = lf_only(text);
  if (!check_quotes(path.str(), yaml, first_line, diags)) return std::nullopt;
  ValueBuilder builder(path, first_line, std::max<std::size_t>(kMinTextBudget, 4 * yaml.size()));
  // The first document only (as YAML::Load reads it; LoadAll can loop forever on some inputs
  // in 0.7).
  try {
    ViewBuf buf(yaml);
    std::istream in(&buf);
    YAML::Parser parser(in);
    parser.HandleNextDocument(builder);
  } catch (const YAML::DeepRecursion& e) {
    // yaml-cpp says only "bad file", at the point its scanner had read to.
    diags.error(deep_loc(path.str(), yaml, first_line, e.mark), deep_message());
    return std::nullopt;
  } catch (const YAML::ParserException& e) {
    SourceLoc loc{path, e.mark.line + first_line, e.mark.column + 1};
    if (e.mark.is_null()) loc.line = loc.column = 0;
    diags.error(loc, fmt::format("invalid YAML: {}{}", e.msg, link_list_hint(yaml, e.mark)));
    return std::nullopt;
  } catch (const YAML::Exception& e) {
    diags.error({path, first_line, 0}, fmt::format("invalid YAML: {}", e.msg));
    return std::nullopt;
  }
  if (const auto& problem = builder.problem()) {
    diags.report(*problem);
    return std::nullopt;
  }
  return builder.take();
}

void fix_columns(const CharColumns& cols, Value& v) {
  cols.fix(v.loc);
  for (auto& item : v.items) fix_columns(cols, item);
  for (auto& e : v.entries) fix_columns(cols, e.second);
}

// parse_yaml_bytes(), with every column (values' and diagnostics') counted in characters.
std::optional<Value> parse_yaml(const SharedPath& path, std::string_view text, int first_line,
                                DiagSink& diags) {
  if (!CharColumns::needed(text)) return parse_yaml_bytes(path, text, first_line, diags);
  DiagSink found;
  auto value = parse_yaml_bytes(path, text, first_line, found);
  const CharColumns cols(text, first_line);
  if (value) fix_columns(cols, *value);
  cols.forward(found, diags);
  return value;
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

bool same_value(const Value& a, const Value& b) {
  if (a.kind != b.kind || a.text != b.text || a.items.size() != b.items.size() ||
      a.entries.size() != b.entries.size())
    return false;
  for (std::size_t i = 0; i < a.items.size(); ++i)
    if (!same_value(a.items[i], b.items[i])) return false;
  for (std::size_t i = 0; i < a.entries.size(); ++i)
    if (a.entries[i].first != b.entries[i].first || !same_value(a.entries[i].second, b.entries[i].second))
      return false;
  return true;
}

const Value* Value::scalar_at(int line, int column) const {
  if (is_scalar()) return loc.line == line && loc.column == column ? this : nullptr;
  for (const Value& item : items)
    if (const Value* found = item.scalar_at(line, column)) return found;
  for (const ValueEntry& e : entries)
    if (const Value* found = e.second.scalar_at(line, column)) return found;
  return nullptr;
}

Value* Value::scalar_at(int line, int column) {
  return const_cast<Value*>(std::as_const(*this).scalar_at(line, column));
}

std::string_view Value::property_name(std::string_view key) const {
  for (const auto& e : entries)
    if (e.first == key) return e.first;
  auto same = [&](const std::string& k) {
    return k.size() == key.size() && std::equal(k.begin(), k.end(), key.begin(), [](char a, char b) {
             return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
           });
  };
  for (const auto& e : entries)
    if (same(e.first)) return e.first;
  return {};
}

const Value* Value::find_property(std::string_view key) const {
  const std::string_view name = property_name(key);
  return name.empty() ? nullptr : find(name);
}

namespace {

// Where a note's front matter and body lie: `yaml` is the text between the fences (null when
// there is none), `closed` whether a closing fence was found.
struct Split {
  bool fenced = false;
  bool closed = false;
  std::string_view yaml;
  std::size_t body_offset = 0;
  int body_line = 1;
};

Split split_note(std::string_view text) {
  Split s;
  std::size_t start = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  s.body_offset = start;
  Line first = line_at(text, start);
  if (!is_fence(text.substr(first.begin, first.end - first.begin), "---")) return s;
  s.fenced = true;
  std::size_t pos = first.next;
  for (int line_no = 2; pos < text.size(); ++line_no) {
    Line l = line_at(text, pos);
    std::string_view line = text.substr(l.begin, l.end - l.begin);
    if (is_fence(line, "---") || is_fence(line, "...")) {
      s.closed = true;
      s.yaml = text.substr(first.next, l.begin - first.next);
      s.body_offset = l.next;
      s.body_line = line_no + 1;
      return s;
    }
    pos = l.next;
  }
  return s;  // not closed: as Obsidian reads it, all of the text is the body
}

}  // namespace

std::optional<FrontMatter> parse_front_matter(std::string_view path, std::string_view text,
                                              DiagSink& diags) {
  FrontMatter fm;
  fm.fields.kind = Value::Kind::mapping;
  fm.fields.loc = {SharedPath(path), 1, 1};  // every location of the front matter shares it
  const Split s = split_note(text);
  fm.body_offset = s.body_offset;
  fm.body_line = s.body_line;
  if (!s.fenced) return fm;
  if (!s.closed) {
    diags.error({std::string(path), 1, 1}, "front matter is not closed (add a line '---' after it)");
    return std::nullopt;
  }
  fm.present = true;
  if (trim(s.yaml).empty()) return fm;
  auto value = parse_yaml(fm.fields.loc.path, s.yaml, 2, diags);
  if (!value) return std::nullopt;
  if (value->is_null()) return fm;
  if (!value->is_mapping()) {
    diags.error({std::string(path), 2, 1}, "front matter must be a mapping of keys to values");
    return std::nullopt;
  }
  fm.fields = std::move(*value);
  return fm;
}

FrontMatter unread_front_matter(std::string_view path, std::string_view text) {
  FrontMatter fm;
  fm.fields.kind = Value::Kind::mapping;
  fm.fields.loc = {SharedPath(path), 1, 1};
  const Split s = split_note(text);
  fm.present = s.closed;
  fm.broken = true;
  fm.body_offset = s.body_offset;
  fm.body_line = s.body_line;
  return fm;
}

std::optional<Value> parse_yaml_document(std::string_view path, std::string_view text,
                                        DiagSink& diags) {
  return parse_yaml(SharedPath(path), text, 1, diags);
}

}  // namespace kb
