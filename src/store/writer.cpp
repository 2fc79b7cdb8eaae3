#include "kb/store/writer.h"

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>

#include <sys/stat.h>

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

std::string real_path(const std::string& p) {
  char buf[PATH_MAX];
  if (!::realpath(p.c_str(), buf)) return {};
  return buf;
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

std::string note_base_path(std::string_view folder, std::string_view prefix, std::string_view title) {
  std::string out(folder);
  if (!out.empty()) out += '/';
  if (!prefix.empty()) {
    out += prefix;
    out += '-';
  }
  out += slugify(title, 80);
  return out;
}

bool check_inside_root(const std::string& root, const std::string& rel, std::string& error) {
  if (rel.empty() || rel.front() == '/') {
    error = "path '" + rel + "' is not relative to the knowledge base";
    return false;
  }
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= rel.size()) {
    std::size_t slash = rel.find('/', start);
    if (slash == std::string::npos) slash = rel.size();
    std::string part = rel.substr(start, slash - start);
    if (part.empty() || part == "." || part == ".." || part.find('\\') != std::string::npos) {
      error = "path '" + rel + "' would leave the knowledge base";
      return false;
    }
    parts.push_back(std::move(part));
    start = slash + 1;
  }
  std::string root_real = real_path(root);
  if (root_real.empty()) {
    error = "cannot read the knowledge base folder: " + std::string(std::strerror(errno));
    return false;
  }
  // Every folder on the way that exists must resolve to a place inside the root; one that a
  // symbolic link sends elsewhere is refused. Folders that do not exist yet are created plain.
  std::string prefix = root;
  for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
    prefix += "/" + parts[i];
    struct stat st {};
    if (::lstat(prefix.c_str(), &st) != 0) break;
    std::string real = real_path(prefix);
    if (real.empty() || real.compare(0, root_real.size() + 1, root_real + "/") != 0) {
      error = "folder '" + rel.substr(0, prefix.size() - root.size() - 1) +
              "' leads outside the knowledge base; refusing to write there (replace the link with a folder)";
      return false;
    }
    struct stat target {};
    if (::stat(prefix.c_str(), &target) != 0 || !S_ISDIR(target.st_mode)) {
      error = "'" + rel.substr(0, prefix.size() - root.size() - 1) + "' is not a folder";
      return false;
    }
  }
  return true;
}

bool make_folder(const std::string& root, const std::string& rel, std::string& error) {
  std::string path = root;
  std::size_t start = 0;
  while (start < rel.size()) {
    std::size_t slash = rel.find('/', start);
    if (slash == std::string::npos) slash = rel.size();
    path += "/" + rel.substr(start, slash - start);
    start = slash + 1;
    if (::mkdir(path.c_str(), 0777) != 0 && errno != EEXIST) {
      error = "cannot create folder '" + rel + "': " + std::strerror(errno);
      return false;
    }
  }
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
    error = "'" + rel + "' exists and is not a folder";
    return false;
  }
  return true;
}

NewNote write_new_note(FileSystem& fs, const std::string& base, std::string_view content, int max_tries) {
  NewNote result;
  for (int n = 1; n <= max_tries; ++n) {
    std::string path = base + (n == 1 ? std::string() : "-" + std::to_string(n)) + ".md";
    WriteResult w = fs.write_new(path, content);
    if (w.status == WriteStatus::exists) continue;
    result.path = path;
    result.status = w.status;
    if (w.status != WriteStatus::ok) result.message = "cannot write '" + path + "': " + w.message;
    return result;
  }
  result.status = WriteStatus::error;
  result.message = "'" + base + ".md' and " + std::to_string(max_tries - 1) +
                   " numbered variants exist already; choose another title";
  return result;
}

std::string first_free_path(FileSystem& fs, const std::string& base, int max_tries) {
  for (int n = 1; n <= max_tries; ++n) {
    std::string path = base + (n == 1 ? std::string() : "-" + std::to_string(n)) + ".md";
    if (!fs.exists(path)) return path;
  }
  return base + ".md";
}

}  // namespace kb
