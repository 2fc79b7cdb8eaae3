#pragma once
// SharedString: an immutable string that its copies share (one pointer wide, the count kept
// with the characters), for text a loaded graph holds many times over: a note's path in every
// location in it, a name written in a thousand meetings, a role copied to every attendee.
// StringPool hands out one SharedString per distinct text, so equal texts share one string.

#include <atomic>
#include <cstddef>
#include <iosfwd>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace kb {

class SharedString {
 public:
  SharedString() = default;
  SharedString(std::string&& s) : p_(s.empty() ? nullptr : new Block{{1}, std::move(s)}) {}
  SharedString(const std::string& s) : SharedString(std::string(s)) {}
  SharedString(std::string_view s) : SharedString(std::string(s)) {}
  SharedString(const char* s) : SharedString(std::string(s)) {}
  SharedString(const SharedString& o) noexcept : p_(o.p_) {
    if (p_) p_->refs.fetch_add(1, std::memory_order_relaxed);
  }
  SharedString(SharedString&& o) noexcept : p_(o.p_) { o.p_ = nullptr; }
  SharedString& operator=(SharedString o) noexcept {
    std::swap(p_, o.p_);
    return *this;
  }
  ~SharedString() {
    if (p_ && p_->refs.fetch_sub(1, std::memory_order_acq_rel) == 1) delete p_;
  }

  const std::string& str() const { return p_ ? p_->s : empty_string(); }
  operator const std::string&() const { return str(); }
  operator std::string_view() const { return str(); }
  std::string_view view() const { return str(); }
  bool empty() const { return !p_; }
  void clear() { *this = SharedString(); }
  std::size_t size() const { return str().size(); }
  const char* c_str() const { return str().c_str(); }
  /// True when both hold the very same string (not only equal text).
  bool same(const SharedString& o) const { return p_ == o.p_; }

  friend bool operator==(const SharedString& a, const SharedString& b) { return a.p_ == b.p_ || a.str() == b.str(); }
  friend bool operator==(const SharedString& a, const std::string& b) { return a.str() == b; }
  friend bool operator==(const SharedString& a, std::string_view b) { return a.str() == b; }
  friend bool operator==(const SharedString& a, const char* b) { return a.str() == b; }
  friend bool operator<(const SharedString& a, const SharedString& b) { return a.str() < b.str(); }
  // Joined into messages as the string it holds.
  friend std::string operator+(const std::string& a, const SharedString& b) { return a + b.str(); }
  friend std::string operator+(std::string&& a, const SharedString& b) { return std::move(a) + b.str(); }
  friend std::string operator+(const char* a, const SharedString& b) { return a + b.str(); }
  friend std::string operator+(const SharedString& a, const std::string& b) { return a.str() + b; }
  friend std::string operator+(const SharedString& a, const char* b) { return a.str() + b; }
  friend std::string operator+(const SharedString& a, char b) { return a.str() + b; }
  friend std::ostream& operator<<(std::ostream& out, const SharedString& p);

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

/// One SharedString per distinct text handed to it: a load keeps one pool a worker, so a name
/// written in many notes is held once a worker instead of once a mention. Not thread-safe.
/// What it handed out outlives it.
class StringPool {
 public:
  SharedString get(std::string&& s);
  SharedString get(std::string_view s);
  std::size_t size() const { return by_text_.size(); }

 private:
  SharedString add(std::string&& s);
  std::unordered_map<std::string_view, SharedString> by_text_;  // keys view their values
};

}  // namespace kb
