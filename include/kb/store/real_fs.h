#pragma once
// RealFileSystem: the FileSystem of a KB folder on disk. Walks record files (hidden folders and
// templates/ skipped, symlinks followed once, loops and files reached twice detected by device
// and inode), reads regular files only without blocking, and writes new files whole without
// ever replacing one (link(2) of a fully written temporary file).

#include <cstddef>
#include <string>

#include "kb/base/fs.h"

namespace kb {

class RealFileSystem : public FileSystem {
 public:
  /// REQUIRES: `root` is a directory.
  explicit RealFileSystem(std::string root);
  std::vector<FileInfo> list_markdown(DiagSink& diags) override;
  bool read(const std::string& path, std::string& out, std::string& error) override;
  bool exists(const std::string& path) override;
  WriteResult write_new(const std::string& path, std::string_view content) override;
  WriteResult replace(const std::string& path, std::string_view expected,
                      std::string_view content) override;
  const std::string& root() const { return root_; }

  /// Files larger than this are skipped with a warning.
  static constexpr std::size_t kMaxFileSize = 16u << 20;

 private:
  std::string full(const std::string& path) const;
  std::string root_;
};

}  // namespace kb
