#!/usr/bin/env bash
# Fails when a library's header appears outside its one adapter module, or the core includes CLI code
# (STYLE.md: dependency direction).
set -u
src=${1:-.}
cd "$src" || exit 2
bad=0
check() {  # pattern, allowed-path-regex, message
  local hits
  hits=$(grep -rlE "$1" include src tests/unit 2>/dev/null | grep -vE "$2" || true)
  if [ -n "$hits" ]; then
    echo "layering: $3:"; echo "$hits" | sed 's/^/  /'; bad=1
  fi
}
check '#include <CLI/' '^src/cli/' "CLI11 outside src/cli"
check '#include <yaml-cpp/' '^src/parse/' "yaml-cpp outside src/parse (its parser and emitter)"
check '#include <cmark-gfm' '^src/parse/' "cmark-gfm outside src/parse"
check '#include <nlohmann/' '^src/render/|^src/parse/json\.cpp$' "nlohmann/json outside src/render (output) and src/parse/json.cpp (input)"
check '#include <(libical/|ical\.h)' '^src/parse/ical\.cpp$' "libical outside src/parse/ical.cpp"
check 'mustache\.hpp' '^src/render/' "mustache outside src/render"
check '#include <httplib\.h>' '^src/serve/http\.cpp$' "cpp-httplib outside src/serve/http.cpp"
check '#include <sqlite3\.h>' '^src/base/sqlite\.cpp$' "sqlite outside src/base/sqlite.cpp (its one wrapper)"
check '#include "(\.\./)*cli/|#include "session\.h"' '^src/cli/' "core code including the CLI"
if grep -rn '#include' include/kb | grep -E '<(CLI|yaml-cpp|cmark|nlohmann|kainjow|sqlite3|httplib|libical|ical\.h)' ; then
  echo "layering: a third-party header in a public kb header"; bad=1
fi
[ $bad -eq 0 ] && echo "layering: ok"
exit $bad
