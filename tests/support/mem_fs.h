#pragma once
// MemFileSystem: the in-memory twin of RealFileSystem for unit tests (ninja's
// VirtualFileSystem). Files are a sorted map of relative path -> content.

#include <map>
#include <string>

#include "kb/base/fs.h"

namespace kb::test {

class MemFileSystem : public FileSystem {
 public:
  std::map<std::string, std::string> files;

  void add(const std::string& path, std::string content) { files[path] = std::move(content); }

  using FileSystem::list_markdown;
  std::vector<FileInfo> list_markdown(const IgnoreRules& ignore, DiagSink&,
                                      std::vector<std::string>* attachments) override {
    std::vector<FileInfo> out;
    for (const auto& [path, content] : files) {
      if (path.size() < 4 || path.compare(path.size() - 3, 3, ".md") != 0) {
        if (attachments && path.find("/.") == std::string::npos && path.front() != '.') attachments->push_back(path);
        continue;
      }
      if (ignore.skips(path)) continue;
      FileInfo info;
      info.path = path;
      info.size = content.size();
      out.push_back(info);
    }
    return out;
  }
  bool read(const std::string& path, std::string& out, std::string& error) override {
    auto it = files.find(path);
    if (it == files.end()) {
      error = "No such file or directory";
      return false;
    }
    out = it->second;
    return true;
  }
  bool exists(const std::string& path) override { return files.count(path) > 0; }
  WriteResult write_new(const std::string& path, std::string_view content) override {
    if (files.count(path)) return {WriteStatus::exists, {}};
    files[path] = std::string(content);
    return {};
  }
  WriteResult replace(const std::string& path, std::string_view expected, std::string_view content) override {
    auto it = files.find(path);
    if (it == files.end()) return {WriteStatus::error, "No such file or directory"};
    if (it->second != expected) return {WriteStatus::changed, {}};
    it->second = std::string(content);
    return {};
  }
  WriteResult move(const std::string& from, const std::string& to, std::string_view expected) override {
    auto it = files.find(from);
    if (it == files.end()) return {WriteStatus::error, "No such file or directory"};
    if (it->second != expected) return {WriteStatus::changed, {}};
    if (files.count(to)) return {WriteStatus::exists, {}};
    files[to] = std::move(it->second);
    files.erase(from);
    return {};
  }
  WriteResult remove(const std::string& path, std::string_view expected) override {
    auto it = files.find(path);
    if (it == files.end()) return {WriteStatus::error, "No such file or directory"};
    if (it->second != expected) return {WriteStatus::changed, {}};
    files.erase(it);
    return {};
  }
};

}  // namespace kb::test
