#!/usr/bin/env bash
# Installs the Debian 12 packages kb builds with, only those that dpkg says are absent.
set -euo pipefail
pkgs=(cmake make g++ pkg-config libcli11-dev libcmark-gfm-dev libcmark-gfm-extensions-dev
      libyaml-cpp-dev libfmt-dev doctest-dev nlohmann-json3-dev libkainjow-mustache-dev
      libutf8proc-dev libicu-dev libical-dev libsqlite3-dev libjemalloc-dev python3-yaml libcpp-httplib-dev)
# Clients that the export tests read kb's files with (sqlite3, the .ics parser).
pkgs+=(sqlite3 python3-icalendar)
# Tools the report and graph tests check kb's output with (dot renders the DOT and the
# report's picture, jq reads the JSON).
pkgs+=(graphviz jq)
# The shells the completion tests type into through a pty (bash is always there).
pkgs+=(zsh)
# The browser the kb serve tests drive its pages with (headless, through WebDriver).
pkgs+=(chromium chromium-driver python3-selenium)
# setfacl/getfacl and setfattr/getfattr, which the edit tests set a note's ACL and extended
# attributes with (kb must keep them when it replaces the note).
pkgs+=(acl attr)
# networkx reads the GraphML in the graph tests; its recommended packages (matplotlib, scipy,
# GDAL) are large and not needed, so it is installed without them.
lean=(python3-networkx)
missing=()
for p in "${pkgs[@]}" "$@"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
missing_lean=()
for p in "${lean[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing_lean+=("$p")
done
[ ${#missing[@]} -eq 0 ] && [ ${#missing_lean[@]} -eq 0 ] && exit 0
echo "kb: installing ${missing[*]} ${missing_lean[*]}" >&2
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
$sudo apt-get update -qq
if [ ${#missing[@]} -gt 0 ]; then
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
if [ ${#missing_lean[@]} -gt 0 ]; then
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing_lean[@]}" >/dev/null
fi
