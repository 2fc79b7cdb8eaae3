#pragma once
// The diagnostics a sink holds, one `path:line:col: severity: message` a line, as tests compare them.

#include <string>

#include "kb/base/diag.h"

namespace kb::test {

inline std::string diag_text(const DiagSink& d) {
  std::string out;
  for (const auto& x : d.all()) out += to_string(x) + "\n";
  return out;
}

}  // namespace kb::test
