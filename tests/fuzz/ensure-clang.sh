#!/usr/bin/env bash
# make fuzz: installs clang-14 and libclang-rt-14-dev (Debian 12) when they are missing.
set -eu
have() { command -v clang++-14 >/dev/null && ls /usr/lib/llvm-14/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1; }
have && exit 0
if command -v apt-get >/dev/null; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get install -y --no-install-recommends clang-14 libclang-rt-14-dev >&2 || true
fi
have || { echo "make fuzz needs clang-14 and libclang-rt-14-dev (apt-get install clang-14 libclang-rt-14-dev)" >&2; exit 1; }
