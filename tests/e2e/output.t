# Where -o and export targets write (issue 24): to what is there. A device, a FIFO and
# /dev/stdout stay what they are, a symbolic link is followed, only a regular file is replaced
# (whole, keeping its mode), and no output ever replaces a file of the KB.
# As root the device is a null device made for the test (so a regression cannot replace the
# machine's /dev/null); as another user it is /dev/null itself.
$ dev=/dev/null; if [ "$(id -u)" = 0 ]; then mknod "$WORK/null" c 1 3 && dev="$WORK/null"; fi; kb -q --kb "$RECORDS" report weekly --week 2024-W36 -o "$dev" && stat -c %F "$dev"
> character special file

$ kb -q --kb "$RECORDS" graph -o /dev/null && stat -c %F /dev/null
> character special file

# A FIFO is written through, not replaced.
$ mkfifo pipe; cat pipe > got & kb --kb "$RECORDS" report weekly --week 2024-W36 -o pipe; wait; stat -c %F pipe; head -1 got
> fifo
> # Weekly briefing 2024-W36: Mon 2 September 2024 to Sun 8 September 2024
2> kb: wrote pipe

# /dev/stdout is the descriptor, not a path to replace: appending keeps what was there.
$ echo first > f && kb -q --kb "$RECORDS" report weekly --week 2024-W36 -o /dev/stdout >> f && head -2 f
> first
> # Weekly briefing 2024-W36: Mon 2 September 2024 to Sun 8 September 2024

# A symbolic link is followed: the target gets the report, the link stays a link.
$ touch real.md && ln -s real.md link.md && kb --kb "$RECORDS" report weekly --week 2024-W36 -o link.md && stat -c %F link.md && head -1 real.md
> symbolic link
> # Weekly briefing 2024-W36: Mon 2 September 2024 to Sun 8 September 2024
2> kb: wrote link.md

# A regular file is replaced whole and keeps its mode.
$ echo old > week.md && chmod 640 week.md && kb -q --kb "$RECORDS" report weekly --week 2024-W36 -o week.md && stat -c %a week.md && head -1 week.md && ls -A | grep -c kb-tmp || true
> 640
> # Weekly briefing 2024-W36: Mon 2 September 2024 to Sun 8 September 2024
> 0

# No output replaces a note, kb.yaml or the cache, by name or through a link.
$ kb --kb "$RECORDS" report weekly --week 2024-W36 -o "$RECORDS/people/borhene-chakroun.md"; head -2 "$RECORDS/people/borhene-chakroun.md"
> ---
> type: person
2> kb: error: cannot write '$WORK/records/people/borhene-chakroun.md': it is a file of the knowledge base ('people/borhene-chakroun.md'); kb never replaces one with its output

$ ln -s "$RECORDS/kb.yaml" out.dot && kb --kb "$RECORDS" graph -o out.dot
2> kb: error: cannot write 'out.dot': it is a file of the knowledge base ('kb.yaml'); kb never replaces one with its output
? 1

$ mkdir d && kb --kb "$RECORDS" graph -o d
2> kb: error: cannot write 'd': it is a folder
? 1

# kb export replaces a regular file only with --force; devices are written through.
$ kb -q --kb "$RECORDS" export sqlite kb.sqlite && kb --kb "$RECORDS" export sqlite kb.sqlite
2> kb: error: 'kb.sqlite' exists; kb export replaces a file only with --force (or choose another name)
? 1

$ echo old > cal.ics && SOURCE_DATE_EPOCH=0 kb -q --kb "$RECORDS" export ics cal.ics --force && head -1 cal.ics | tr -d '\r' && kb -q --kb "$RECORDS" export ics /dev/null && stat -c %F /dev/null
> BEGIN:VCALENDAR
> character special file

$ kb -q --kb "$RECORDS" export neo4j n4j && kb -q --kb "$RECORDS" export neo4j n4j; kb -q --kb "$RECORDS" export neo4j n4j --force && ls n4j | head -2
> actions.csv
> affiliated_with.csv
2> kb: error: 'n4j/people.csv' exists; kb export replaces files only with --force (or choose an empty folder)

# Output errors are errors: a full disk on stdout or -o, a closed pipe with SIGPIPE ignored.
$ kb --kb "$RECORDS" query --org IESALC > /dev/full
2> kb: error: cannot write to standard output: No space left on device
? 1

$ kb --kb "$RECORDS" report weekly --week 2024-W36 -o /dev/full
2> kb: error: cannot write '/dev/full': No space left on device
? 1

$ python3 -c 'import os, signal, subprocess; r, w = os.pipe(); os.close(r); signal.signal(signal.SIGPIPE, signal.SIG_IGN); p = subprocess.run(["kb", "--kb", os.environ["RECORDS"], "query", "--org", "IESALC"], stdout=w, stderr=subprocess.PIPE, restore_signals=False); print(p.returncode, p.stderr.decode().strip())'
> 1 kb: error: cannot write to standard output: Broken pipe

# -o infers the format from the file's name unless --format says otherwise (issue 27).
$ kb --kb "$RECORDS" report weekly --week 2024-W36 -o "$WORK/week.html" && head -1 "$WORK/week.html"
> <!DOCTYPE html>
2> kb: wrote $WORK/week.html

$ kb --kb "$RECORDS" --format md report weekly --week 2024-W36 -o "$WORK/week.html" && head -1 "$WORK/week.html"
> # Weekly briefing 2024-W36: Mon 2 September 2024 to Sun 8 September 2024
2> kb: wrote $WORK/week.html

$ kb --kb "$RECORDS" report weekly --week 2024-W36 -o "$WORK/week.json"
2> kb: error: kb report writes md or html, not 'json' (the name '$WORK/week.json' says json; give --format md or html)
? 2

$ kb --kb "$RECORDS" graph -o "$WORK/g.graphml" && head -1 "$WORK/g.graphml" && kb --kb "$RECORDS" graph -o "$WORK/g.mmd" && head -1 "$WORK/g.mmd"
> <?xml version="1.0" encoding="UTF-8"?>
> flowchart LR
2> kb: wrote $WORK/g.graphml
2> kb: wrote $WORK/g.mmd

# Colour that helps: errors red, warnings yellow on stderr, with --color always or a terminal
# (NO_COLOR and --color never turn it off; piped, as here, it is off).
$ kb --color always --kb "$FIXTURES/broken" -v list people --format ids 2>&1 >/dev/null | head -2 | cat -v
> meetings/bad-date.md:3:7: ^[[1;31merror:^[[0m invalid date '2024-02-30' (expected YYYY-MM-DD)
> meetings/bad-due.md:5:17: ^[[33mwarning:^[[0m invalid due date '2024-13-01' (expected YYYY-MM-DD)

$ kb --color always --kb "$RECORDS" query --org Nothing 2>&1 | cat -v
> kb: ^[[1;31merror:^[[0m unknown organization 'Nothing'

$ kb --kb "$RECORDS" query --org Nothing 2>&1 | cat -v
> kb: error: unknown organization 'Nothing'

