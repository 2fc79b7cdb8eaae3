#include "kb/base/shared_string.h"

#include <ostream>

namespace kb {

std::ostream& operator<<(std::ostream& out, const SharedString& p) { return out << p.str(); }

// The string for a text not in the pool yet, kept for the next equal text.
SharedString StringPool::add(std::string&& s) {
  SharedString shared(std::move(s));
  by_text_.emplace(shared.view(), shared);
  return shared;
}

SharedString StringPool::get(std::string&& s) {
  if (s.empty()) return {};
  if (auto it = by_text_.find(s); it != by_text_.end()) return it->second;
  return add(std::move(s));
}

SharedString StringPool::get(std::string_view s) {
  if (s.empty()) return {};
  if (auto it = by_text_.find(s); it != by_text_.end()) return it->second;
  return add(std::string(s));
}

}  // namespace kb
