#include "kb/base/shared_string.h"

#include <ostream>

namespace kb {

std::ostream& operator<<(std::ostream& out, const SharedString& p) { return out << p.str(); }

SharedString StringPool::get(std::string&& s) {
  if (s.empty()) return {};
  if (auto it = by_text_.find(s); it != by_text_.end()) return it->second;
  SharedString shared(std::move(s));
  by_text_.emplace(shared.view(), shared);
  return shared;
}

SharedString StringPool::get(std::string_view s) {
  if (s.empty()) return {};
  if (auto it = by_text_.find(s); it != by_text_.end()) return it->second;
  SharedString shared{std::string(s)};
  by_text_.emplace(shared.view(), shared);
  return shared;
}

}  // namespace kb
