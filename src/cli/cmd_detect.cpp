// kb init --detect [--write]: propose the kb.yaml mapping that lets kb read an existing vault
// as it is (model/detect.h does the looking); print it, and append it to kb.yaml when asked.
#include "detect.h"

#include <filesystem>
#include <vector>

#include <fmt/format.h>

#include "kb/model/detect.h"
#include "kb/store/real_fs.h"

namespace kb::cli {

ExitCode run_detect(Session& s, const std::string& dir, bool write) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    s.error(fmt::format(
        "'{}' is not a folder (run 'kb init --detect' in your vault, or name it: 'kb init DIR --detect')", dir));
    return ExitCode::failure;
  }
  RealFileSystem fs(dir);
  DetectedMapping m = detect_mapping(fs);
  std::string yaml = render_mapping_yaml(m);
  if (yaml.empty()) {
    s.note(fmt::format("read {} notes: kb reads them as they are, nothing to map", m.notes));
    return ExitCode::ok;
  }
  s.out << yaml;
  if (!write) {
    s.note(fmt::format("not written; run 'kb init {} --detect --write' to add this to kb.yaml", dir));
    return ExitCode::ok;
  }
  std::string current, err;
  bool exists = fs.exists("kb.yaml");
  if (exists && !fs.read("kb.yaml", current, err)) {
    s.error(fmt::format("cannot read '{}/kb.yaml': {}", dir, err));
    return ExitCode::failure;
  }
  // A second `fields:`, `types:` or `ignore:` key would make kb.yaml invalid YAML: leave that to
  // the user.
  std::vector<const char*> keys{"fields:", "types:"};
  if (!m.ignore.empty()) keys.push_back("ignore:");
  for (const char* key : keys)
    if (current.rfind(key, 0) == 0 || current.find(std::string("\n") + key) != std::string::npos) {
      s.error(fmt::format("kb.yaml already has '{}'; merge the proposal above into it by hand",
                          std::string(key, std::string(key).size() - 1)));
      return ExitCode::failure;
    }
  std::string next = current;
  if (!next.empty() && next.back() != '\n') next += '\n';
  next += yaml;
  WriteResult w = exists ? fs.replace("kb.yaml", current, next) : fs.write_new("kb.yaml", next);
  if (w.status != WriteStatus::ok) {
    s.error(fmt::format("cannot write '{}/kb.yaml'{}", dir,
                        w.message.empty() ? std::string(" (it changed meanwhile; run again)")
                                          : fmt::format(": {}", w.message)));
    return ExitCode::failure;
  }
  s.note(fmt::format("added the mapping to '{}/kb.yaml'", dir));
  return ExitCode::ok;
}

}  // namespace kb::cli
