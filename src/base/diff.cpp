#include "kb/base/diff.h"

#include <algorithm>
#include <vector>

#include <fmt/format.h>

#include "kb/base/text.h"

namespace kb {
namespace {

using Lines = std::vector<std::string_view>;

// One line of the edit script: ' ' kept, '-' removed, '+' added; `a`/`b` are 0-based line
// numbers in before/after (the next line's, for a line the other side has not).
struct Step {
  char op;
  std::size_t a, b;
};

// The longest common subsequence of a[a0, a1) and b[b0, b1) as steps. Quadratic, so a middle
// larger than `kMaxCells` is shown as removed then added.
constexpr std::size_t kMaxCells = 4'000'000;

void middle_steps(const Lines& a, const Lines& b, std::size_t a0, std::size_t a1, std::size_t b0, std::size_t b1,
                  std::vector<Step>& out) {
  const std::size_t n = a1 - a0, m = b1 - b0;
  if (n * m > kMaxCells) {
    for (std::size_t i = a0; i < a1; ++i) out.push_back({'-', i, b0});
    for (std::size_t j = b0; j < b1; ++j) out.push_back({'+', a1, j});
    return;
  }
  std::vector<std::uint32_t> len((n + 1) * (m + 1), 0);  // len[i][j]: LCS of a[i..], b[j..]
  auto at = [&](std::size_t i, std::size_t j) -> std::uint32_t& { return len[i * (m + 1) + j]; };
  for (std::size_t i = n; i-- > 0;)
    for (std::size_t j = m; j-- > 0;)
      at(i, j) = a[a0 + i] == b[b0 + j] ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
  std::size_t i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[a0 + i] == b[b0 + j]) {
      out.push_back({' ', a0 + i++, b0 + j++});
    } else if (i < n && (j == m || at(i + 1, j) >= at(i, j + 1))) {
      out.push_back({'-', a0 + i++, b0 + j});
    } else {
      out.push_back({'+', a0 + i, b0 + j++});
    }
  }
}

std::vector<Step> edit_script(const Lines& a, const Lines& b) {
  std::size_t head = 0;
  while (head < a.size() && head < b.size() && a[head] == b[head]) ++head;
  std::size_t tail = 0;
  while (tail < a.size() - head && tail < b.size() - head && a[a.size() - 1 - tail] == b[b.size() - 1 - tail]) ++tail;
  std::vector<Step> out;
  for (std::size_t i = 0; i < head; ++i) out.push_back({' ', i, i});
  middle_steps(a, b, head, a.size() - tail, head, b.size() - tail, out);
  for (std::size_t k = tail; k > 0; --k) out.push_back({' ', a.size() - k, b.size() - k});
  return out;
}

// "l,n" of a hunk side: its first line (1-based; the line before it when empty) and length.
std::string range(std::size_t first, std::size_t count) {
  return fmt::format("{},{}", count == 0 ? first : first + 1, count);
}

void hunk(const std::vector<Step>& steps, std::size_t from, std::size_t to, const Lines& a, const Lines& b,
          std::string& out) {
  std::size_t na = 0, nb = 0;
  for (std::size_t k = from; k < to; ++k) {
    if (steps[k].op != '+') ++na;
    if (steps[k].op != '-') ++nb;
  }
  out += fmt::format("@@ -{} +{} @@\n", range(steps[from].a, na), range(steps[from].b, nb));
  for (std::size_t k = from; k < to; ++k) {
    const Step& s = steps[k];
    out += s.op;
    out += s.op == '+' ? b[s.b] : a[s.a];
    out += '\n';
  }
}

}  // namespace

std::string unified_diff(std::string_view label_before, std::string_view label_after, std::string_view before,
                         std::string_view after, int context) {
  if (before == after) return {};
  const Lines a = split_lines(before), b = split_lines(after);
  const std::vector<Step> steps = edit_script(a, b);
  const std::size_t ctx = static_cast<std::size_t>(std::max(context, 0));
  std::string out = fmt::format("--- {}\n+++ {}\n", label_before, label_after);
  std::size_t k = 0;
  while (k < steps.size()) {
    while (k < steps.size() && steps[k].op == ' ') ++k;
    if (k == steps.size()) break;
    std::size_t from = k > ctx ? k - ctx : 0, last = k;  // last: the hunk's last change
    for (std::size_t j = k; j < steps.size() && j <= last + 2 * ctx; ++j)
      if (steps[j].op != ' ') last = j;
    const std::size_t to = std::min(steps.size(), last + 1 + ctx);
    hunk(steps, from, to, a, b, out);
    k = to;
  }
  if (a == b) out += "(only line endings differ)\n";
  return out;
}

}  // namespace kb
