#!/bin/sh
# Builds kb's man page (roff) from its own --help text, so the page never disagrees with the
# binary: the top-level help, then every command's help.
# Usage: scripts/gen-man.sh path/to/kb OUT.1
set -eu
kb=$1
out=$2
tmp="$out.tmp"

# Help text -> roff: "SECTION:" lines become bold headings, "  -x,--flag TEXT  what" and
# "  command  what" lines become tagged paragraphs, the rest is running text.
to_roff() {
  awk '
    function esc(s) { gsub(/\\/, "\\\\e", s); gsub(/-/, "\\\\-", s); if (s ~ /^[.'"'"']/) s = "\\&" s; return s }
    /^[A-Za-z][A-Za-z ]*:$/ { print ".PP"; print "\\fB" esc($0) "\\fR"; next }
    /^  +[^ ]/ {
      line = $0; sub(/^ +/, "", line)
      n = match(line, /   */)
      if (n > 0) { term = substr(line, 1, n - 1); desc = substr(line, n); sub(/^ +/, "", desc) }
      else { term = line; desc = "" }
      if ($0 ~ /^                  / && !(line ~ /^-/)) { print esc(line); next }
      print ".TP"; print "\\fB" esc(term) "\\fR"; if (desc != "") print esc(desc); next
    }
    /^Usage:/ { print ".PP"; print esc($0); print ".PP"; next }
    /^$/ { print ".PP"; next }
    { print esc($0) }
  '
}

version=$("$kb" --version | head -n 1 | sed 's/^kb //')
{
  printf '.TH KB 1 "" "kb %s" "User Commands"\n' "$version"
  printf '%s\n' '.SH NAME' 'kb \- a knowledge base over Markdown meeting notes' '.SH SYNOPSIS' '.B kb' \
    '[\fIGLOBAL OPTIONS\fR] \fICOMMAND\fR [\fIOPTIONS\fR] [\fIARGS\fR]' '.SH DESCRIPTION'
  "$kb" --help | to_roff
  printf '%s\n' '.SH COMMANDS'
  for cmd in $("$kb" --help | awk '/^[A-Za-z ]*[Ss][Uu][Bb][Cc][Oo][Mm][Mm][Aa][Nn][Dd][Ss]:$/ { on = 1; next } on && /^  [a-z]/ { print $1 } on && /^$/ { on = 0 }'); do
    printf '.SS "kb %s"\n' "$cmd"
    "$kb" "$cmd" --help | to_roff
  done
  cat <<'ROFF'
.SH ENVIRONMENT
.TP
.B KB_DIR
The knowledge base folder when \fB\-\-kb\fR is not given.
.TP
.B NO_COLOR
When set and not empty, no colors (as \fB\-\-color never\fR).
.TP
.B EDITOR
The editor that \fBkb add \-\-edit\fR opens.
.TP
.B SOURCE_DATE_EPOCH
\fBkb export ics\fR uses it for DTSTAMP instead of the clock (reproducible output).
.TP
.B TZDIR
Where \fBkb export ics\fR reads time zone files (default \fI/usr/share/zoneinfo\fR).
.SH FILES
.TP
.I kb.yaml
The knowledge base settings: name, home organization, time zone, and the mapping of a vault's
own keys and type markers (fields:, types:).
.SH EXIT STATUS
0 success (a query that matches nothing included); 1 failure (an unreadable KB, an unknown or
ambiguous name, kb check finding a problem, a file that would be overwritten); 2 usage (an
unknown command or option, a malformed value).
ROFF
} > "$tmp"
mv "$tmp" "$out"
