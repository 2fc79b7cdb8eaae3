# Issue 23: notes as Obsidian reads them when their front matter does not parse, and tasks
# outside meetings (tests/fixtures/vault_notes). A note whose front matter does not parse is a
# plain note: no type whatever its folder, named by its file name, its body's links and tasks
# read, and linked to by others; `kb check` reports the error at its place. A missing embed of
# a note says so; an embed of a file of another extension is no link, and one of a file the
# vault does not have (`![[chart.png]]`) says so too. As Foam reads them, a
# [[wikilink]] with a link reference definition names the definition's note (`[[setup]]`); one
# defined as a web page is found by its name (`[[helpdesk]]`, no note of that name). Footnotes
# (`[^1]: 理事会。`, one word without spaces) are no links.
$ kb --kb "$FIXTURES/vault_notes" check
> notes/draft plan.md:4:1: error: invalid YAML: end of sequence flow not found
> notes/draft plan.md:5:47: warning: unresolved link '[[Nobody Yet]]'
> notes/draft plan.md:8:1: warning: missing embed '![[lost-diagram]]' (no note of that name)
> notes/draft plan.md:9:1: warning: missing embed '![[chart.png]]' (no file of that name)
> notes/foam-style.md:3:40: warning: unresolved link '[[helpdesk]]'
> notes/unclosed.md:1:1: error: front matter is not closed (add a line '---' after it)
> people/half-person.md:3:7: error: unterminated quoted value (add the closing " on the same line)
2> kb: 8 files checked: 3 errors, 4 warnings
? 1

# Other commands say only that some files have problems.
$ kb --kb "$FIXTURES/vault_notes" list meetings --format ids
> Meetings/2024-09-03 Review
2> kb: 3 files have problems (run 'kb check')

# The broken notes are plain notes, found by their file names; their links resolve.
$ kb --kb "$FIXTURES/vault_notes" export sqlite f.db >/dev/null 2>&1; sqlite3 -separator ' | ' f.db "SELECT id, type, name FROM records WHERE id LIKE 'notes/%' OR id LIKE 'people/%' ORDER BY id"
> notes/draft plan | note | draft plan
> notes/foam-style | note | foam-style
> notes/guides/first-steps | note | first-steps
> notes/reading list | note | reading list
> notes/unclosed | note | unclosed
> people/Grace Hopper | person | Grace Hopper
> people/half-person | note | half-person

$ kb --kb "$FIXTURES/vault_notes" export sqlite f.db >/dev/null 2>&1; sqlite3 -separator ' | ' f.db "SELECT source, coalesce(target, '-'), text, line FROM links WHERE kind='mention' ORDER BY source, line, text"
> Meetings/2024-09-03 Review | notes/draft plan | draft plan | 7
> Meetings/2024-09-03 Review | people/half-person | people/half-person | 7
> Meetings/2024-09-03 Review | people/Grace Hopper | Grace Hopper | 10
> notes/draft plan | - | Nobody Yet | 5
> notes/draft plan | Meetings/2024-09-03 Review | Quarterly review | 5
> notes/draft plan | people/Grace Hopper | Grace Hopper | 7
> notes/draft plan | - | lost-diagram | 8
> notes/draft plan | people/Grace Hopper | Grace Hopper | 11
> notes/foam-style | notes/guides/first-steps | guides/first-steps | 3
> notes/foam-style | - | helpdesk | 3
> notes/unclosed | notes/draft plan | draft plan | 3

# kb actions lists meetings' tasks; --all-notes every note's, with the note as the source.
$ kb --kb "$FIXTURES/vault_notes" actions --today 2024-09-03
> DUE         DONE  OWNER         ACTION                              MEETING                     LINE
> 2024-09-06        Grace Hopper  Circulate the minutes Grace Hopper  Meetings/2024-09-03 Review  10
2> kb: 3 files have problems (run 'kb check')

$ kb --kb "$FIXTURES/vault_notes" actions --all-notes --all --today 2024-09-03
> DUE         DONE        OWNER         ACTION                                 NOTE                        LINE
> 2024-09-05                            Send her the plan                      people/Grace Hopper         7
> 2024-09-06              Grace Hopper  Circulate the minutes Grace Hopper     Meetings/2024-09-03 Review  10
> 2024-09-12              Grace Hopper  Write the budget section Grace Hopper  notes/draft plan            11
> 2024-09-20                            Read the committee report              notes/reading list          4
>             2024-09-02                Collect the figures                    notes/draft plan            12
>                                       Annotate the survey                    notes/reading list          6
2> kb: 3 files have problems (run 'kb check')

$ kb --kb "$FIXTURES/vault_notes" actions --all-notes --format ids
> people/Grace Hopper:7
> Meetings/2024-09-03 Review:10
> notes/draft plan:11
> notes/reading list:4
> notes/reading list:6
2> kb: 3 files have problems (run 'kb check')

$ kb --kb "$FIXTURES/vault_notes" actions --all-notes --owner "Grace Hopper" --format json
> [
>   {
>     "cancelled": false,
>     "done": false,
>     "done_on": null,
>     "due": "2024-09-06",
>     "line": 10,
>     "markdown": "Circulate the minutes [[Grace Hopper]] 📅 2024-09-06",
>     "meeting": "Meetings/2024-09-03 Review",
>     "note": "Meetings/2024-09-03 Review",
>     "owner": "Grace Hopper",
>     "text": "Circulate the minutes Grace Hopper"
>   },
>   {
>     "cancelled": false,
>     "done": false,
>     "done_on": null,
>     "due": "2024-09-12",
>     "line": 11,
>     "markdown": "Write the budget section [[Grace Hopper]] 📅 2024-09-12",
>     "meeting": null,
>     "note": "notes/draft plan",
>     "owner": "Grace Hopper",
>     "text": "Write the budget section Grace Hopper"
>   }
> ]
2> kb: 3 files have problems (run 'kb check')

# `tasks: all-notes` in kb.yaml does what --all-notes does.
$ printf 'tasks: all-notes\n' > "$FIXTURES/vault_notes/kb.yaml"; kb --kb "$FIXTURES/vault_notes" actions --format ids
> people/Grace Hopper:7
> Meetings/2024-09-03 Review:10
> notes/draft plan:11
> notes/reading list:4
> notes/reading list:6
2> kb: 3 files have problems (run 'kb check')

$ printf 'tasks: every-note\n' > "$FIXTURES/vault_notes/kb.yaml"; kb --kb "$FIXTURES/vault_notes" check 2>&1 | grep kb.yaml
> kb.yaml:1:8: warning: tasks is 'meetings' (the default) or 'all-notes'

# A task of a plain note is marked done through the same safe edit as a meeting's.
$ kb --kb "$FIXTURES/vault_notes" actions done "notes/reading list:4" --today 2024-09-04 && kb --kb "$FIXTURES/vault_notes" actions --all-notes --done --format ids
> notes/reading list.md:4: > - [x] Read the committee report 📅 2024-09-20 ✅ 2024-09-04
> notes/reading list:4
> notes/draft plan:12
2> kb: 3 files have problems (run 'kb check')
2> kb: 3 files have problems (run 'kb check')
