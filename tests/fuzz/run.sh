#!/usr/bin/env bash
# Runs each libFuzzer target for a bounded time: run.sh BUILD_DIR SECONDS [TARGET...]
# New inputs go to BUILD_DIR/fuzz-corpus/<target> (the seeds in tests/fuzz/corpus stay as they
# are); a crash, leak or input slower than 2 s is written to BUILD_DIR/fuzz-artifacts/ and
# makes the script fail.
set -u
build=$1
seconds=${2:-60}
shift 2 || true
src=$(cd "$(dirname "$0")" && pwd)
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(fuzz_parse_record fuzz_parse_body fuzz_text fuzz_date fuzz_graph_codec)
status=0
for t in "${targets[@]}"; do
  mkdir -p "$build/fuzz-corpus/$t" "$build/fuzz-artifacts"
  echo "== $t: ${seconds}s"
  if ! "$build/tests/fuzz/$t" -max_total_time="$seconds" -timeout=2 -rss_limit_mb=2048 -max_len=65536 \
      -dict="$src/kb.dict" -artifact_prefix="$build/fuzz-artifacts/$t-" -print_final_stats=1 \
      "$build/fuzz-corpus/$t" "$src/corpus/$t"; then
    echo "== $t: FAILED (see $build/fuzz-artifacts/)" >&2
    status=1
  fi
done
exit $status
