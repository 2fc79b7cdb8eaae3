#include "kb/store/locate.h"

#include <filesystem>
#include <system_error>

#include <fmt/format.h>

namespace kb {

namespace fs = std::filesystem;

namespace {

std::optional<KbLocation> find_kb(const std::string& flag_dir, const char* env_dir, const std::string& cwd,
                                  std::string& error) {
  std::error_code ec;
  auto is_dir = [&](const fs::path& p) { return fs::is_directory(p, ec); };
  if (!flag_dir.empty()) {
    if (is_dir(flag_dir)) return KbLocation{flag_dir, "--kb"};
    error = fmt::format("knowledge base '{0}' is not a folder (create one with 'kb init {0}')", flag_dir);
    return std::nullopt;
  }
  if (env_dir && *env_dir) {
    if (is_dir(env_dir)) return KbLocation{env_dir, "KB_DIR"};
    error = fmt::format("KB_DIR '{}' is not a folder (fix KB_DIR or unset it)", env_dir);
    return std::nullopt;
  }
  for (fs::path dir = fs::path(cwd); !dir.empty(); dir = dir.parent_path()) {
    if (fs::is_regular_file(dir / "kb.yaml", ec)) return KbLocation{dir.string(), "kb.yaml"};
    if (dir == dir.parent_path()) break;
  }
  if (is_dir(fs::path(cwd) / "records")) return KbLocation{"records", "./records"};
  error = "no knowledge base found (no kb.yaml here or above, no ./records); create one with "
          "'kb init DIR' or point at one with '--kb DIR' or KB_DIR";
  return std::nullopt;
}

}  // namespace

std::optional<KbLocation> locate_kb(const std::string& flag_dir, const char* env_dir,
                                    const std::string& cwd, std::string& error) {
  auto loc = find_kb(flag_dir, env_dir, cwd, error);
  if (!loc) return loc;
  // A KB folder that cannot be listed is an error, not a KB without notes (which would
  // answer every query with "no meetings match").
  std::error_code ec;
  fs::directory_iterator it(loc->root, ec);
  if (ec) {
    error = fmt::format("cannot read knowledge base '{}': {}", loc->root, ec.message());
    return std::nullopt;
  }
  return loc;
}

}  // namespace kb
