# Issue 24: limits that hold on hostile input. The hostile KBs are built at run time by
# tests/e2e/limits_tree.py (no multi-MB file is committed); `timeout 60` turns a hang into
# exit code 124.
# 1. Markdown that makes cmark-gfm slow or huge (8 MB of '[[', 12 MB of '*_', 2,000,000-deep
# brackets, 4,000,000 lines, a link reference used 20,000 times) is read within its budget,
# with a warning naming the note; the good meeting beside them loads whole.
$ python3 "$SRC/tests/e2e/limits_tree.py" "$WORK/t" md && timeout 60 kb --kb "$WORK/t/md" check
> brackets.md:4:1: warning: Markdown body has more than 200000 markup characters; the rest of it is not read (split the note)
> emphasis.md:6:1: warning: Markdown body has more than 200000 markup characters; the rest of it is not read (split the note)
> lines.md:200004:1: warning: Markdown body has more than 200000 markup characters; the rest of it is not read (split the note)
> meetings/2024-09-02-good.md:6:17: warning: unresolved link '[[Ana]]'
> mixed.md:4:1: warning: Markdown body has more than 200000 markup characters; the rest of it is not read (split the note)
> refs.md:4:1: warning: Markdown body needs more than 256 MiB to parse (check for a link reference used many times); its links, tasks and tags are left out
> wikilinks.md:4:1: warning: Markdown body has more than 200000 markup characters; the rest of it is not read (split the note)
2> kb: 8 files checked: 0 errors, 7 warnings

$ python3 "$SRC/tests/e2e/limits_tree.py" "$WORK/t" md && timeout 60 kb --kb "$WORK/t/md" actions --all --format ids
> meetings/2024-09-02-good:6

# 2. A meeting of 3,000 attendees: one 'attended' edge each, no person -> person edges unless
# --met asks for them.
$ python3 "$SRC/tests/e2e/limits_tree.py" "$WORK/t" graph && timeout 60 kb --kb "$WORK/t/graph" --format json graph | jq -r '[(.nodes | length), (.edges | length), ([.edges[] | select(.type == "met")] | length)] | @tsv'
> 3001	3000	0

$ kb --kb "$FIXTURES/limits/names" --format json graph --met | jq -r '.edges[] | select(.type == "met") | "\(.source) \(.target) \(.weight)"'
> people/ada people/charles 1

# 3. Text from a note or a file name reaches the terminal with its control characters escaped:
# in diagnostics, did-you-mean and tables.
$ python3 "$SRC/tests/e2e/limits_tree.py" "$WORK/t" esc && kb --kb "$WORK/t/esc" check 2>&1 | od -c | grep -c '033'
> 0
? 1

$ python3 "$SRC/tests/e2e/limits_tree.py" "$WORK/t" esc && kb --kb "$WORK/t/esc" check
> meetings/2024-09-02-\x1B[31mred.md:4:13: warning: unresolved person '\x1B[31mRed Herring' (no record has this name; run 'kb add person')
> meetings/2024-09-02-\x1B[31mred.md:4:34: warning: unresolved person '\x1B]0;owned\x07Title Setter' (no record has this name; run 'kb add person')
2> kb: 2 files checked: 0 errors, 2 warnings

$ python3 "$SRC/tests/e2e/limits_tree.py" "$WORK/t" esc && kb --kb "$WORK/t/esc" query --person "Red Herrin"
2> kb: error: unknown person 'Red Herrin' (did you mean '\x1B[31mRed Herring'?)
? 1

$ python3 "$SRC/tests/e2e/limits_tree.py" "$WORK/t" esc && kb --kb "$WORK/t/esc" list meetings
> DATE        TIME  TITLE        ORGANIZATIONS  ID
> 2024-09-02        Red meeting                 meetings/2024-09-02-\x1B[31mred

# 4. A file name that is not UTF-8 is reported (its bytes shown as \xNN) and skipped: JSON,
# GraphML and iCalendar stay valid.
$ python3 "$SRC/tests/e2e/limits_tree.py" "$WORK/t" latin1 && kb --kb "$WORK/t/latin1" check
> meetings/2024-09-02-caf\xE9.md: error: file name is not valid UTF-8 (rename the file); skipped
2> kb: 3 files checked: 1 error, 0 warnings, 1 skipped
? 1

$ python3 "$SRC/tests/e2e/limits_tree.py" "$WORK/t" latin1 && kb --kb "$WORK/t/latin1" query --org UNESCO --format json | jq -r '.[].id'
> meetings/2024-09-03-good
2> kb: 1 file has problems, 1 skipped (run 'kb check')

$ python3 "$SRC/tests/e2e/limits_tree.py" "$WORK/t" latin1 && kb --kb "$WORK/t/latin1" --format json check | jq -r '.[] | .path + " " + .message'
> meetings/2024-09-02-caf�.md file name is not valid UTF-8 (rename the file); skipped
2> kb: 3 files checked: 1 error, 0 warnings, 1 skipped

$ python3 "$SRC/tests/e2e/limits_tree.py" "$WORK/t" latin1 && kb -q --kb "$WORK/t/latin1" --format graphml graph > g.xml && python3 -c 'import xml.etree.ElementTree as ET; r = ET.parse("g.xml").getroot(); print(len(r.findall(".//{http://graphml.graphdrawing.org/xmlns}node")))'
> 2

$ python3 "$SRC/tests/e2e/limits_tree.py" "$WORK/t" latin1 && SOURCE_DATE_EPOCH=1700000000 kb -q --kb "$WORK/t/latin1" export ics c.ics && /usr/bin/python3 "$SRC/tests/tools/check_ics.py" c.ics
> ok: 14 lines, 1 events, 0 to-dos, time zones: none
> VEVENT meetings/2024-09-03-good@kb | 2024-09-03 | Good meeting | 

# 5. A KB folder that cannot be read is an error, not an empty KB.
$ python3 "$SRC/tests/e2e/limits_tree.py" "$WORK/t" locked && "$SRC/tests/e2e/as_nobody" kb --kb "$WORK/t/locked" query --org UNESCO
2> kb: error: cannot read knowledge base '$WORK/t/locked': Permission denied
? 1

$ python3 "$SRC/tests/e2e/limits_tree.py" "$WORK/t" locked && "$SRC/tests/e2e/as_nobody" kb --kb "$WORK/t/locked" check
2> kb: error: cannot read knowledge base '$WORK/t/locked': Permission denied
? 1

# 6. A name of two types: kb check warns with both paths; show, related and report brief say
# which record they chose and how to pick the other.
$ kb --kb "$FIXTURES/limits/names" check
> orgs/ada.md:2:7: warning: organization 'Ada' shares a name with a person (people/ada.md); a name on the command line picks the person (give 'orgs/ada' for this one)
2> kb: 5 files checked: 0 errors, 1 warning

$ kb --kb "$FIXTURES/limits/names" show Ada --format ids
> people/ada
2> kb: note: 'Ada' is also an organization (orgs/ada.md); this is the person (people/ada.md): give 'orgs/ada' to pick the organization

$ kb --kb "$FIXTURES/limits/names" related Ada --format ids
> people/charles
> orgs/analytical
2> kb: note: 'Ada' is also an organization (orgs/ada.md); this is the person (people/ada.md): give 'orgs/ada' to pick the organization

$ kb --kb "$FIXTURES/limits/names" report brief Ada | head -1
> # Brief: Ada Lovelace
2> kb: note: 'Ada' is also an organization (orgs/ada.md); this is the person (people/ada.md): give 'orgs/ada' to pick the organization

$ kb --kb "$FIXTURES/limits/names" show orgs/ada --format ids
> orgs/ada

# 7. Counts: zero, negative, overflowing, empty and non-decimal numbers are usage errors.
$ kb --kb "$FIXTURES/limits/names" query --limit 0
2> kb: error: --limit must be a whole number from 1 to 1000000000, not '0'
? 2

$ kb --kb "$FIXTURES/limits/names" query --limit -1
2> kb: error: --limit must be a whole number from 1 to 1000000000, not '-1'
? 2

$ kb --kb "$FIXTURES/limits/names" query --limit 99999999999999999999
2> kb: error: --limit must be a whole number from 1 to 1000000000, not '99999999999999999999'
? 2

$ kb --kb "$FIXTURES/limits/names" query --limit ''
2> kb: error: --limit must be a whole number from 1 to 1000000000, not ''
? 2

$ kb --kb "$FIXTURES/limits/names" query --limit 0x10
2> kb: error: --limit must be a whole number from 1 to 1000000000, not '0x10'
? 2

$ kb --kb "$FIXTURES/limits/names" query --limit 1 --format ids
> meetings/2024-09-02-engine

$ kb --kb "$FIXTURES/limits/names" related Ada --limit -1
2> kb: error: --limit must be a whole number from 1 to 1000000000, not '-1'
? 2

$ kb --kb "$FIXTURES/limits/names" related Ada --limit 18446744073709551617
2> kb: error: --limit must be a whole number from 1 to 1000000000, not '18446744073709551617'
? 2

# 8. A name field of the wrong shape is an error at its value, never read as a name.
$ kb --kb "$FIXTURES/limits/shapes" check
> meetings/2024-09-03-shapes.md:4:12: error: 'attendees' must be a list of names
> meetings/2024-09-03-shapes.md:5:16: error: 'organizations' must be a list of names
> meetings/2024-09-03-shapes.md:6:14: error: 'topics' must be a list of names
> meetings/2024-09-03-shapes.md:7:8: error: 'event' must be a name
> meetings/2024-09-04-mixed.md:7:5: error: 'attendees' must be a list of names
> orgs/acme.md:3:9: error: 'parent' must be a name
> orgs/acme.md:4:10: error: 'aliases' must be a list of names
> people/bo.md:3:6: error: 'org' must be a list of names
2> kb: 4 files checked: 8 errors, 0 warnings
? 1

$ kb --kb "$FIXTURES/limits/shapes" list people --format ids
> people/bo
2> kb: 4 files have problems (run 'kb check')

# An empty --format and an overflowing --days are usage errors too.
$ kb --kb "$RECORDS" --format "" query --org IESALC
2> kb: error: --format: must not be empty; see 'kb query --help'
? 2

$ kb --kb "$RECORDS" stale --days 99999999999999999999
2> kb: error: --days must be a whole number from 0 to 1000000000, not '99999999999999999999'
? 2

# kb: error: lines escape what they quote from the command line or a note.
$ kb --kb "$RECORDS" show "$(printf 'Bad\033[31mName')"
2> kb: error: unknown name 'Bad\x1B[31mName' (try 'kb list people', 'kb list orgs' or 'kb list topics')
? 1

$ kb --kb "$RECORDS" related IESALC --limit 0
2> kb: error: --limit must be a whole number from 1 to 1000000000, not '0'
? 2

