#pragma once
// Columns counted in characters, as editors show them: cmark-gfm and yaml-cpp count bytes.
// Private to parse/: front_matter.cpp and markdown.cpp recount the locations they give.

#include <algorithm>
#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

#include "kb/base/diag.h"

namespace kb {

/// The lines of `text`, whose first is file line `first_line`; LF, CR and CRLF end a line.
class CharColumns {
 public:
  CharColumns(std::string_view text, int first_line) : text_(text), first_line_(first_line) {
    starts_.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i)
      if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n')))
        starts_.push_back(i + 1);
  }

  /// Whether `text` has a byte that is not ASCII (else every column is already right).
  static bool needed(std::string_view text) {
    return std::any_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
  }

  /// Turns `loc`'s byte column on its line of the text into a column in characters.
  void fix(SourceLoc& loc) const {
    const int k = loc.line - first_line_;
    if (k < 0 || loc.column < 2 || static_cast<std::size_t>(k) >= starts_.size()) return;
    const std::size_t begin = starts_[k];
    const std::size_t end = std::min(text_.size(), begin + static_cast<std::size_t>(loc.column - 1));
    int chars = 0;
    for (std::size_t i = begin; i < end; ++i)
      if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++chars;  // not a continuation byte
    loc.column = chars + 1;
  }

  /// Reports `found`'s diagnostics to `to`, their columns in characters.
  void forward(const DiagSink& found, DiagSink& to) const {
    for (Diagnostic d : found.all()) {
      fix(d.loc);
      to.report(std::move(d));
    }
  }

 private:
  std::string_view text_;
  int first_line_;
  std::vector<std::size_t> starts_;
};

}  // namespace kb
