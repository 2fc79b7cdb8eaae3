# kb init, kb add and kb actions done (issue 3). Fixture: write.
# A new user: init, add a meeting, find it.
$ kb init notes && cd notes && kb add meeting --title "Kickoff with IESALC" --date 2024-09-02 --org IESALC && kb query --format ids
> kb.yaml
> meetings/
> people/
> orgs/
> topics/
> events/
> templates/brief.html.mustache
> templates/brief.md.mustache
> templates/event.md.mustache
> templates/meeting.md.mustache
> templates/org.md.mustache
> templates/person.md.mustache
> templates/topic.md.mustache
> templates/weekly.html.mustache
> templates/weekly.md.mustache
> $WORK/notes/meetings/2024/2024-09-02-kickoff-with-iesalc.md
> meetings/2024/2024-09-02-kickoff-with-iesalc
2> kb: knowledge base ready in 'notes' (next: cd there and run 'kb add meeting')
2> kb: warning: unknown organization 'IESALC'; written as given (--create-missing writes a stub record)

# init adds only what is missing and never overwrites.
$ kb init notes >/dev/null 2>&1; echo "name: mine" > notes/kb.yaml; rm notes/templates/person.md.mustache; kb init notes; cat notes/kb.yaml
> templates/person.md.mustache
> name: mine
2> kb: knowledge base ready in 'notes' (next: cd there and run 'kb add meeting')

# Names are written canonical; the note names the open actions and the last meeting.
$ kb --kb "$FIXTURES/write" add meeting --title "Follow-up" --date 2024-10-01 --time 14:00 --org iesalc --attendee "francesc pedró" --topic "AI framework" --tag no && cat "$FIXTURES/write/meetings/2024/2024-10-01-follow-up.md"
> $WORK/fixtures/write/meetings/2024/2024-10-01-follow-up.md
> ---
> type: meeting
> title: Follow-up
> date: 2024-10-01
> time: "14:00"
> organizations: [UNESCO-IESALC]
> attendees:
>   - Francesc Pedro
> topics: [AI Competency Framework]
> tags: ["no"]
> ---
> # Follow-up
>
> <!-- kb:prep -->
> ## Before this meeting
>
> ### Open actions
>
> - Send the agenda for the workshop [[Francesc Pedro]] due:2024-10-15 (from [[meetings/2024/2024-09-02-iesalc|2024-09-02 Bilateral meeting with UNESCO-IESALC]])
> - Book a room (from [[meetings/2024/2024-09-02-iesalc|2024-09-02 Bilateral meeting with UNESCO-IESALC]])
>
> ### Last met UNESCO-IESALC and Francesc Pedro on 2024-09-02: [[meetings/2024/2024-09-02-iesalc|Bilateral meeting with UNESCO-IESALC]]
>
> - Hold a joint workshop in October
>
>
> <!-- /kb:prep -->
>
> ## Summary
>
>
> ## Notes
>
>
> ## Decisions
>
>
> ## Actions

# The copies between the kb:prep markers are not the new note's text, links or actions:
# a search finds only the meeting the action comes from, the new one has no actions and
# mentions no earlier meeting.
$ kb --kb "$FIXTURES/write" add meeting --title "Follow-up" --date 2024-10-01 --org iesalc >/dev/null; kb --kb "$FIXTURES/write" query --text "book a room" --format ids; kb --kb "$FIXTURES/write" actions --all --format ids | grep -c follow-up; kb --kb "$FIXTURES/write" graph --format json | grep -A2 '"source": "meetings/2024/2024-10-01-follow-up"' | grep -c mentions
> meetings/2024/2024-09-02-iesalc
> 0
> 0
? 1

# A title that tries to climb out of the KB stays inside it.
$ kb --kb "$FIXTURES/write" add meeting --title ../../etc/passwd --date 2024-10-01
> $WORK/fixtures/write/meetings/2024/2024-10-01-etc-passwd.md

# YAML-significant characters and emoji read back the same through kb and PyYAML.
$ kb --kb "$FIXTURES/write" add meeting --title ': # [ ] "quoted" 🎉' --date 2024-10-01 --location "no" --tag on --tag "~" >/dev/null && f=$(ls "$FIXTURES"/write/meetings/2024/2024-10-01-*.md) && python3 -c 'import sys, yaml; d = yaml.safe_load(open(sys.argv[1]).read().split("---\n")[1]); print(repr(d["title"]), repr(d["location"]), d["tags"], str(d["date"]))' "$f" && kb --kb "$FIXTURES/write" query --since 2024-10-01 --format json | python3 -c 'import json, sys; m = json.load(sys.stdin)[0]; print(repr(m["title"]), repr(m["location"]), m["tags"], m["date"])'
> ': # [ ] "quoted" 🎉' 'no' ['on', '~'] 2024-10-01
> ': # [ ] "quoted" 🎉' 'no' ['on', '~'] 2024-10-01

# The same title twice on one day: -2.
$ kb --kb "$FIXTURES/write" add meeting --title Sync --date 2024-10-02 && kb --kb "$FIXTURES/write" add meeting --title Sync --date 2024-10-02
> $WORK/fixtures/write/meetings/2024/2024-10-02-sync.md
> $WORK/fixtures/write/meetings/2024/2024-10-02-sync-2.md
2> kb: warning: a meeting 'Sync' on 2024-10-02 exists already (meetings/2024/2024-10-02-sync.md); writing another note

# A missing required field without a terminal is a usage error that names it.
$ kb --kb "$FIXTURES/write" add meeting --date 2024-10-02
2> kb: error: missing --title (give it as flags; kb asks for them only when stdin is a terminal)
? 2

$ kb --kb "$FIXTURES/write" add event --name "Summit"
2> kb: error: missing --start (give it as flags; kb asks for them only when stdin is a terminal)
? 2

$ kb --kb "$FIXTURES/write" add meeting --title X --date 2024-13-01
2> kb: error: invalid date '2024-13-01' for --date (expected YYYY-MM-DD, today, yesterday, tomorrow, -7d, +2w, last monday, next friday)
? 2

# An unresolved attendee: a warning with did-you-mean, written as given ...
$ kb --kb "$FIXTURES/write" add meeting --title "Call" --date 2024-10-03 --attendee "Francesc Pedra" --attendee "Jane Roe" && ls "$FIXTURES/write/people"
> $WORK/fixtures/write/meetings/2024/2024-10-03-call.md
> francesc-pedro.md
2> kb: warning: unknown person 'Francesc Pedra' (did you mean 'Francesc Pedro'?); written as given (--create-missing writes a stub record)
2> kb: warning: unknown person 'Jane Roe'; written as given (--create-missing writes a stub record)

# ... and with --create-missing, stub records too.
$ kb --kb "$FIXTURES/write" add meeting --title "Call" --date 2024-10-03 --attendee "Jane Roe" --org "New Institute" --create-missing && cat "$FIXTURES/write/people/jane-roe.md" && kb --kb "$FIXTURES/write" check
> $WORK/fixtures/write/meetings/2024/2024-10-03-call.md
> $WORK/fixtures/write/orgs/new-institute.md
> $WORK/fixtures/write/people/jane-roe.md
> ---
> type: person
> name: Jane Roe
> ---
> # Jane Roe
>
> ## Notes
2> kb: warning: unknown organization 'New Institute'; writing a stub record for it
2> kb: warning: unknown person 'Jane Roe'; writing a stub record for it
2> kb: created organization record 'orgs/new-institute.md'
2> kb: created person record 'people/jane-roe.md'
2> kb: 8 files checked: 0 errors, 0 warnings

# 8 concurrent adds of one title: 8 distinct whole files.
$ for i in 1 2 3 4 5 6 7 8; do kb -q --kb "$FIXTURES/write" add meeting --title Race --date 2024-10-04 --attendee "Francesc Pedro" & done >/dev/null; wait; ls "$FIXTURES/write/meetings/2024" | grep -c race; ls -a "$FIXTURES/write/meetings/2024" | grep -c kb-tmp; kb --kb "$FIXTURES/write" query --since 2024-10-04 --format ids | wc -l; kb --kb "$FIXTURES/write" check
> 8
> 0
> 8
2> kb: 13 files checked: 0 errors, 0 warnings

# A folder that is a symbolic link out of the KB is refused.
$ mkdir outside && rm -r "$FIXTURES/write/people" && ln -s "$WORK/outside" "$FIXTURES/write/people" && kb --kb "$FIXTURES/write" add person --name "Jane Roe"; ls outside
2> kb: error: folder 'people' leads outside the knowledge base; refusing to write there (replace the link with a folder)

# --dry-run prints the note and writes nothing.
$ kb --kb "$FIXTURES/write" add person --name "Ana Lopez" --org IESALC --role Adviser --alias "A. Lopez" --dry-run; ls "$FIXTURES/write/people"
> ---
> type: person
> name: Ana Lopez
> aliases: [A. Lopez]
> affiliations:
>   - org: UNESCO-IESALC
>     role: Adviser
> ---
> # Ana Lopez
>
> ## Notes
>
> francesc-pedro.md
2> kb: would write people/ana-lopez.md

# actions done: by line or by words; a done item and a stale line are refused.
$ kb --kb "$FIXTURES/write" actions done meetings/2024/2024-09-02-iesalc 15 --today 2024-09-20 && kb --kb "$FIXTURES/write" actions done meetings/2024/2024-09-02-iesalc room --today 2024-09-21 && { diff "$SRC/tests/fixtures/write/meetings/2024/2024-09-02-iesalc.md" "$FIXTURES/write/meetings/2024/2024-09-02-iesalc.md"; true; }
> meetings/2024/2024-09-02-iesalc.md:15: - [x] Send the agenda for the workshop [[Francesc Pedro]] due:2024-10-15 ✅ 2024-09-20
> meetings/2024/2024-09-02-iesalc.md:17: - [x] Book a room ✅ 2024-09-21
> 15c15
> < - [ ] Send the agenda for the workshop [[Francesc Pedro]] due:2024-10-15
> ---
> > - [x] Send the agenda for the workshop [[Francesc Pedro]] due:2024-10-15 ✅ 2024-09-20
> 17c17
> < - [ ] Book a room
> ---
> > - [x] Book a room ✅ 2024-09-21

$ kb --kb "$FIXTURES/write" actions done meetings/2024/2024-09-02-iesalc 16 --today 2024-09-20
2> kb: error: the action on line 16 of 'meetings/2024/2024-09-02-iesalc.md' is done already
? 1

# The file was edited after 'kb actions' showed line 17: that line is no longer an action,
# so nothing is written; words still find the action where it moved.
$ f="$FIXTURES/write/meetings/2024/2024-09-02-iesalc.md"; sed -i 's/^## Summary$/## Summary\nAdded\nlater\nlines./' "$f"; cp "$f" before; kb --kb "$FIXTURES/write" actions done meetings/2024/2024-09-02-iesalc 17 --today 2024-09-20; cmp before "$f" && echo unchanged && kb --kb "$FIXTURES/write" actions done meetings/2024/2024-09-02-iesalc "book a room" --today 2024-09-20
> unchanged
> meetings/2024/2024-09-02-iesalc.md:20: - [x] Book a room ✅ 2024-09-20
2> kb: error: line 17 of 'meetings/2024/2024-09-02-iesalc.md' is not an action item (run 'kb actions --all' for the lines)

# Words that match two open actions are refused.
$ kb --kb "$FIXTURES/write" actions done meetings/2024/2024-09-02-iesalc "o" --today 2024-09-20
2> kb: error: 'o' matches 2 open actions in 'meetings/2024/2024-09-02-iesalc.md' (lines 15, 17); give the line number
? 1

