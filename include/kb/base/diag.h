#pragma once
// Diagnostics: where a problem is (SourceLoc), what it is (Diagnostic) and the sink that collects them.
// Core code reports bad user data here instead of throwing or printing; only cli/ prints them.

#include <cstddef>
#include <string>
#include <vector>

#include "kb/base/shared_string.h"

namespace kb {

/// A file path that the many locations in one file share: copies share one immutable string
/// instead of each holding its own (a loaded note keeps dozens of locations), so a location is
/// 16 bytes.
using SharedPath = SharedString;

/// A place in a file; line and column are 1-based, 0 means unknown.
struct SourceLoc {
  SharedPath path;
  int line = 0;
  int column = 0;
};

enum class Severity { warning, error };

struct Diagnostic {
  Severity severity = Severity::error;
  SourceLoc loc;
  std::string message;
};

/// Formats as `path:line:col: error: message` (parts that are unknown are left out), the path
/// and the message made terminal_safe: a file name or a name from a note can hold an escape
/// sequence (`\x1b[31m` is printed `\x1B[31m`) or bytes that are not UTF-8.
std::string to_string(const Diagnostic& d);

/// Collects diagnostics. Not thread-safe: give each worker its own sink and merge().
class DiagSink {
 public:
  void error(SourceLoc loc, std::string message);
  void warning(SourceLoc loc, std::string message);
  void report(Diagnostic d);
  void merge(DiagSink&& other);
  /// Keeps the errors only (for a command that prints no warnings).
  void drop_warnings();
  /// Sorts by path, line, column (stable for equal locations) and drops exact duplicates.
  void sort();
  bool has_errors() const { return errors_ > 0; }
  std::size_t error_count() const { return errors_; }
  std::size_t warning_count() const { return all_.size() - errors_; }
  const std::vector<Diagnostic>& all() const { return all_; }
  bool empty() const { return all_.empty(); }

 private:
  std::vector<Diagnostic> all_;
  std::size_t errors_ = 0;
};

}  // namespace kb
