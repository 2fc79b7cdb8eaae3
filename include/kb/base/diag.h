#pragma once
// Diagnostics: where a problem is (SourceLoc), what it is (Diagnostic) and the sink that collects them.
// Core code reports bad user data here instead of throwing or printing; only cli/ prints them.

#include <atomic>
#include <cstddef>
#include <iosfwd>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kb {

/// A file path that the many locations in one file share: copies share one immutable string
/// instead of each holding its own (a loaded note keeps dozens of locations). One pointer wide
/// (the count lives with the string), so a location is 16 bytes.
class SharedPath {
 public:
  SharedPath() = default;
  SharedPath(std::string&& s) : p_(s.empty() ? nullptr : new Block{{1}, std::move(s)}) {}
  SharedPath(const std::string& s) : SharedPath(std::string(s)) {}
  SharedPath(std::string_view s) : SharedPath(std::string(s)) {}
  SharedPath(const char* s) : SharedPath(std::string(s)) {}
  SharedPath(const SharedPath& o) noexcept : p_(o.p_) {
    if (p_) p_->refs.fetch_add(1, std::memory_order_relaxed);
  }
  SharedPath(SharedPath&& o) noexcept : p_(o.p_) { o.p_ = nullptr; }
  SharedPath& operator=(SharedPath o) noexcept {
    std::swap(p_, o.p_);
    return *this;
  }
  ~SharedPath() {
    if (p_ && p_->refs.fetch_sub(1, std::memory_order_acq_rel) == 1) delete p_;
  }

  const std::string& str() const { return p_ ? p_->s : empty_string(); }
  operator const std::string&() const { return str(); }
  bool empty() const { return !p_; }

  friend bool operator==(const SharedPath& a, const SharedPath& b) { return a.p_ == b.p_ || a.str() == b.str(); }
  friend bool operator==(const SharedPath& a, const std::string& b) { return a.str() == b; }
  friend bool operator==(const SharedPath& a, std::string_view b) { return a.str() == b; }
  friend bool operator==(const SharedPath& a, const char* b) { return a.str() == b; }
  friend bool operator<(const SharedPath& a, const SharedPath& b) { return a.str() < b.str(); }
  // Joined into messages as the string it holds.
  friend std::string operator+(const std::string& a, const SharedPath& b) { return a + b.str(); }
  friend std::string operator+(std::string&& a, const SharedPath& b) { return std::move(a) + b.str(); }
  friend std::string operator+(const char* a, const SharedPath& b) { return a + b.str(); }
  friend std::string operator+(const SharedPath& a, const std::string& b) { return a.str() + b; }
  friend std::string operator+(const SharedPath& a, const char* b) { return a.str() + b; }
  friend std::ostream& operator<<(std::ostream& out, const SharedPath& p);

 private:
  struct Block {
    std::atomic<std::size_t> refs;
    const std::string s;
  };
  static const std::string& empty_string() {
    static const std::string empty;
    return empty;
  }
  Block* p_ = nullptr;
};

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

/// Formats as `path:line:col: error: message` (parts that are unknown are left out).
std::string to_string(const Diagnostic& d);

/// Collects diagnostics. Not thread-safe: give each worker its own sink and merge().
class DiagSink {
 public:
  void error(SourceLoc loc, std::string message);
  void warning(SourceLoc loc, std::string message);
  void report(Diagnostic d);
  void merge(const DiagSink& other);
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
