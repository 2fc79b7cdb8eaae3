#include "kb/store/writer.h"

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>

#include <sys/stat.h>

#include <fmt/format.h>

#include "kb/base/date.h"
#include "kb/base/text.h"

namespace kb {

namespace {

std::string real_path(const std::string& p) {
  char buf[PATH_MAX];
  if (!::realpath(p.c_str(), buf)) return {};
  return buf;
}

}  // namespace

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

std::string note_base_path(std::string_view folder, std::string_view prefix, std::string_view title, FileNames rule) {
  if (rule == FileNames::slug) return note_base_path(folder, prefix, title);
  std::string out(folder);
  if (!out.empty()) out += '/';
  if (!prefix.empty()) out += std::string(prefix) + ' ';
  return out + file_name_of(title);
}

bool check_inside_root(const std::string& root, const std::string& rel, std::string& error) {
  if (rel.empty() || rel.front() == '/') {
    error = fmt::format("path '{}' is not relative to the knowledge base", rel);
    return false;
  }
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= rel.size()) {
    std::size_t slash = rel.find('/', start);
    if (slash == std::string::npos) slash = rel.size();
    std::string part = rel.substr(start, slash - start);
    if (part.empty() || part == "." || part == ".." || part.find('\\') != std::string::npos) {
      error = fmt::format("path '{}' would leave the knowledge base", rel);
      return false;
    }
    parts.push_back(std::move(part));
    start = slash + 1;
  }
  std::string root_real = real_path(root);
  if (root_real.empty()) {
    error = fmt::format("cannot read the knowledge base folder: {}", std::strerror(errno));
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
      error = fmt::format("folder '{}' leads outside the knowledge base; refusing to write there "
                          "(replace the link with a folder)",
                          rel.substr(0, prefix.size() - root.size() - 1));
      return false;
    }
    struct stat target {};
    if (::stat(prefix.c_str(), &target) != 0 || !S_ISDIR(target.st_mode)) {
      error = fmt::format("'{}' is not a folder", rel.substr(0, prefix.size() - root.size() - 1));
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
      error = fmt::format("cannot create folder '{}': {}", rel, std::strerror(errno));
      return false;
    }
  }
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
    error = fmt::format("'{}' exists and is not a folder", rel);
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
    if (w.status != WriteStatus::ok) result.message = fmt::format("cannot write '{}': {}", path, w.message);
    return result;
  }
  result.status = WriteStatus::error;
  result.message =
      fmt::format("'{}.md' and {} numbered variants exist already; choose another title", base, max_tries - 1);
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
