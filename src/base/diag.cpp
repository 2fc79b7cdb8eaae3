#include "kb/base/diag.h"

#include <algorithm>
#include <ostream>
#include <tuple>

#include <fmt/format.h>

#include "kb/base/text.h"

namespace kb {

std::string to_string(const Diagnostic& d) {
  std::string out;
  if (!d.loc.path.empty()) {
    out += terminal_safe(d.loc.path);
    if (d.loc.line > 0) {
      out += fmt::format(":{}", d.loc.line);
      if (d.loc.column > 0) out += fmt::format(":{}", d.loc.column);
    }
    out += ": ";
  }
  out += d.severity == Severity::error ? "error: " : "warning: ";
  out += terminal_safe(d.message);
  return out;
}

void DiagSink::error(SourceLoc loc, std::string message) {
  report({Severity::error, std::move(loc), std::move(message)});
}

void DiagSink::warning(SourceLoc loc, std::string message) {
  report({Severity::warning, std::move(loc), std::move(message)});
}

void DiagSink::report(Diagnostic d) {
  if (d.severity == Severity::error) ++errors_;
  all_.push_back(std::move(d));
}

void DiagSink::merge(DiagSink&& other) {
  if (all_.empty()) {
    *this = std::move(other);
    return;
  }
  all_.reserve(all_.size() + other.all_.size());
  for (auto& d : other.all_) report(std::move(d));
}

void DiagSink::drop_warnings() {
  std::erase_if(all_, [](const Diagnostic& d) { return d.severity == Severity::warning; });
}

void DiagSink::sort() {
  auto key = [](const Diagnostic& d) {
    return std::tie(d.loc.path, d.loc.line, d.loc.column, d.severity, d.message);
  };
  auto before = [&](const Diagnostic& a, const Diagnostic& b) { return key(a) < key(b); };
  // A warm load's come from the snapshot in order: checking costs one pass, a merge sort of
  // 20,000 of them a twentieth of a warm query.
  if (!std::is_sorted(all_.begin(), all_.end(), before)) std::stable_sort(all_.begin(), all_.end(), before);
  all_.erase(std::unique(all_.begin(), all_.end(),
                         [&](const Diagnostic& a, const Diagnostic& b) { return key(a) == key(b); }),
             all_.end());
  errors_ = std::count_if(all_.begin(), all_.end(),
                          [](const Diagnostic& d) { return d.severity == Severity::error; });
}

}  // namespace kb
