#pragma once
// Finding the KB folder (SPEC §1): --kb DIR, $KB_DIR, the nearest folder at or above the
// working folder holding kb.yaml, then ./records.

#include <optional>
#include <string>

namespace kb {

struct KbLocation {
  std::string root;
  std::string how;  ///< "--kb", "KB_DIR", "kb.yaml", "./records"
};

/// Returns the KB folder, or std::nullopt with `error` saying what was tried and what to do,
/// or that the folder cannot be read (`cannot read knowledge base 'DIR': Permission denied`).
std::optional<KbLocation> locate_kb(const std::string& flag_dir, const char* env_dir,
                                    const std::string& cwd, std::string& error);

}  // namespace kb
