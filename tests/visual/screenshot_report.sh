#!/usr/bin/env bash
# Renders the weekly HTML report of the shipped records to PNG with headless Chromium, for a
# person to look at (not part of `make test`: it needs a browser and judges nothing itself).
# Usage: tests/visual/screenshot_report.sh BUILD_DIR [WEEK] [OUT_DIR]
set -euo pipefail
build=${1:?usage: screenshot_report.sh BUILD_DIR [WEEK] [OUT_DIR]}
week=${2:-2024-W36}
out=${3:-$(mktemp -d)}
mkdir -p "$out"
src=$(cd "$(dirname "$0")/../.." && pwd)
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
[ -n "$browser" ] || { echo "no Chromium found (apt-get install chromium)" >&2; exit 1; }
"$build/kb" --kb "$src/records" --format html report weekly --week "$week" -o "$out/weekly.html"
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=900,3600 \
  --screenshot="$out/weekly.png" "file://$out/weekly.html" >/dev/null 2>&1
"$browser" --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
  --print-to-pdf="$out/weekly.pdf" "file://$out/weekly.html" >/dev/null 2>&1 || true
echo "$out/weekly.png"
