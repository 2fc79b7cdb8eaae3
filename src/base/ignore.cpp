#include "kb/base/ignore.h"

#include <algorithm>
#include <regex>

namespace kb {

struct IgnoreRules::Regex {
  std::string source;
  std::regex re;
};

namespace {

std::string_view strip_slashes(std::string_view s) {
  while (!s.empty() && s.front() == '/') s.remove_prefix(1);
  while (!s.empty() && s.back() == '/') s.remove_suffix(1);
  return s;
}

std::string_view last_name(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> parts;
  for (std::size_t start = 0;;) {
    const std::size_t slash = path.find('/', start);
    parts.push_back(path.substr(start, slash - start));
    if (slash == std::string_view::npos) return parts;
    start = slash + 1;
  }
}

// The bytes of the UTF-8 character at `at` (1 for a stray continuation byte), so that `?`
// stands for one character, not one byte.
std::size_t char_length(std::string_view s, std::size_t at) {
  const auto b = static_cast<unsigned char>(s[at]);
  const std::size_t n = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
  return std::min(n, s.size() - at);
}

// `*` (any characters) and `?` (one character) within one name; backtracks to the last `*`.
bool match_name(std::string_view pat, std::string_view name) {
  std::size_t p = 0, n = 0, star = std::string_view::npos, resume = 0;
  while (n < name.size()) {
    if (p < pat.size() && pat[p] == '*') {
      star = p++;
      resume = n;
    } else if (p < pat.size() && pat[p] == '?') {
      ++p;
      n += char_length(name, n);
    } else if (p < pat.size() && pat[p] == name[n]) {
      ++p;
      ++n;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      resume += char_length(name, resume);
      n = resume;
    } else {
      return false;
    }
  }
  while (p < pat.size() && pat[p] == '*') ++p;
  return p == pat.size();
}

// Names of a glob against names of a path; `**` takes any number of names, none included.
bool match_names(const std::vector<std::string_view>& pat, std::size_t i, const std::vector<std::string_view>& path,
                 std::size_t j) {
  if (i == pat.size()) return j == path.size();
  if (pat[i] == "**") {
    for (std::size_t k = j; k <= path.size(); ++k)
      if (match_names(pat, i + 1, path, k)) return true;
    return false;
  }
  return j < path.size() && match_name(pat[i], path[j]) && match_names(pat, i + 1, path, j + 1);
}

bool match_glob(std::string_view glob, std::string_view path) {
  return match_names(split_path(glob), 0, split_path(path), 0);
}

}  // namespace

bool IgnoreRules::hidden(std::string_view name) { return !name.empty() && name.front() == '.'; }

void IgnoreRules::add_folder(std::string_view folder) {
  folder = strip_slashes(folder);
  if (!folder.empty()) folders_.emplace_back(folder);
}

bool IgnoreRules::add_excluded(std::string_view filter, std::string& error) {
  if (filter.size() > 2 && filter.front() == '/' && filter.back() == '/') {
    const std::string source(filter.substr(1, filter.size() - 2));
    try {
      regexes_.push_back(std::make_shared<const Regex>(Regex{source, std::regex(source, std::regex::ECMAScript)}));
    } catch (const std::regex_error& e) {
      error = e.what();
      return false;
    }
    return true;
  }
  if (!filter.empty()) prefixes_.emplace_back(filter);
  return true;
}

void IgnoreRules::add_glob(std::string_view glob) {
  glob = strip_slashes(glob);
  if (!glob.empty()) globs_.emplace_back(glob);
}

bool IgnoreRules::skips_folder(std::string_view path) const {
  if (hidden(last_name(path)) || path == "templates") return true;
  for (const auto& f : folders_)
    if (path == f) return true;
  // A prefix of the folder's path with its '/' is a prefix of every path below it.
  const std::string with_slash = std::string(path) + '/';
  for (const auto& p : prefixes_)
    if (with_slash.compare(0, p.size(), p) == 0) return true;
  for (const auto& g : globs_)
    if (match_glob(g, path)) return true;
  return false;
}

bool IgnoreRules::skips_file(std::string_view path) const {
  if (hidden(last_name(path))) return true;
  for (const auto& p : prefixes_)
    if (path.substr(0, p.size()) == p) return true;
  for (const auto& r : regexes_) {
    try {
      if (std::regex_search(path.begin(), path.end(), r->re)) return true;
    } catch (const std::regex_error&) {
      // Too complex for this path (std::regex gives up): not a match.
    }
  }
  for (const auto& g : globs_)
    if (match_glob(g, path)) return true;
  return false;
}

bool IgnoreRules::skips(std::string_view path) const {
  for (std::size_t slash = path.find('/'); slash != std::string_view::npos; slash = path.find('/', slash + 1))
    if (skips_folder(path.substr(0, slash))) return true;
  return skips_file(path);
}

std::string IgnoreRules::key() const {
  std::string out;
  auto add = [&](char kind, const std::string& rule) {
    out += kind;
    out += rule;
    out += '\0';
  };
  for (const auto& f : folders_) add('f', f);
  for (const auto& p : prefixes_) add('p', p);
  for (const auto& r : regexes_) add('r', r->source);
  for (const auto& g : globs_) add('g', g);
  return out;
}

}  // namespace kb
