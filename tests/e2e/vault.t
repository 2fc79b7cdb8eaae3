# An Obsidian vault read as it is (tests/fixtures/vault): notes typed by `categories` through
# kb.yaml's `types:`, the vault's own keys (people, org, loc) mapped by `fields:`, titles from
# file names, people and organizations in References/, .obsidian/ and .trash/ skipped, quoted
# and unquoted YAML links, Tasks emoji and Dataview fields. The SQLite export shows exactly
# what kb read (tests/e2e/export.t checks the export itself).
# No note is lost: every .md file outside hidden folders is a record, and those in
# .obsidian/ and .trash/ are not.
$ find "$FIXTURES/vault" -name '*.md' -not -path '*/.*' | wc -l; kb --kb "$FIXTURES/vault" export sqlite v.db; sqlite3 v.db "SELECT count(*) FROM records WHERE defined"
> 13
> 13
2> kb: wrote 'v.db' (try: sqlite3 v.db '.tables')

# Types come from categories; names from file names; aliases and tags from lists and
# comma-separated strings, with or without '#', and from #tags in bodies (not in code).
$ kb --kb "$FIXTURES/vault" export sqlite v.db; sqlite3 -separator ' | ' v.db "SELECT id, type, name, aliases, tags FROM records ORDER BY defined DESC, id"
> Categories/Meetings | note | Meetings | [] | ["categories"]
> Categories/People | note | People | [] | ["categories"]
> Clippings/Reading list | note | Reading list | [] | ["reading"]
> Daily/2024-09-02 | note | 2024-09-02 | [] | ["daily","journal"]
> Meetings/2024-09-02 Bilateral with IESALC | meeting | 2024-09-02 Bilateral with IESALC | [] | ["meetings","bilateral","follow-up"]
> Meetings/2024-09-10 Workshop planning | meeting | 2024-09-10 Workshop planning | [] | ["workshop","planning","follow-up"]
> References/AI Competency Framework | topic | AI Competency Framework | [] | ["ai","policy"]
> References/Arianna Valentini | person | Arianna Valentini | ["Arianna"] | []
> References/Francesc Pedro | person | Francesc Pedro | ["Francesc Pedró","F. Pedro"] | ["people"]
> References/Paris | note | Paris | [] | []
> References/UNESCO | organization | UNESCO | [] | []
> References/UNESCO-ICHEI | organization | UNESCO-ICHEI | [] | ["partner"]
> References/UNESCO-IESALC | organization | UNESCO-IESALC | ["IESALC"] | []
> unresolved:person:Mr. Roy Saurabh | person | Mr. Roy Saurabh | [] | []
2> kb: wrote 'v.db' (try: sqlite3 v.db '.tables')

# Links: quoted and unquoted YAML links, [[Target#Heading]], [[Target#^block]], ![[embed]] and
# Markdown links to notes; [[...]] in code and ![[diagram.png]] are not links.
$ kb --kb "$FIXTURES/vault" export sqlite v.db; sqlite3 -separator ' | ' v.db "SELECT source, kind, coalesce(target, '-'), text, line FROM links ORDER BY source, line, kind, text"
> Daily/2024-09-02 | mention | Meetings/2024-09-02 Bilateral with IESALC | 2024-09-02 Bilateral with IESALC | 4
> Daily/2024-09-02 | mention | Meetings/2024-09-02 Bilateral with IESALC | 2024-09-02 Bilateral with IESALC | 6
> Daily/2024-09-02 | mention | References/Francesc Pedro | References/Francesc Pedro | 8
> Daily/2024-09-02 | mention | References/UNESCO-IESALC | References/UNESCO-IESALC | 8
> Meetings/2024-09-02 Bilateral with IESALC | organization | References/UNESCO-IESALC | UNESCO-IESALC | 8
> Meetings/2024-09-02 Bilateral with IESALC | organization | References/UNESCO-ICHEI | UNESCO-ICHEI | 9
> Meetings/2024-09-02 Bilateral with IESALC | attendee | References/Francesc Pedro | Francesc Pedro | 13
> Meetings/2024-09-02 Bilateral with IESALC | attendee | References/Arianna Valentini | Arianna Valentini | 14
> Meetings/2024-09-02 Bilateral with IESALC | topic | References/AI Competency Framework | AI Competency Framework | 16
> Meetings/2024-09-02 Bilateral with IESALC | mention | References/AI Competency Framework | AI Competency Framework | 22
> Meetings/2024-09-02 Bilateral with IESALC | mention | References/Arianna Valentini | Arianna Valentini | 28
> Meetings/2024-09-02 Bilateral with IESALC | mention | References/Francesc Pedro | Francesc Pedro | 29
> Meetings/2024-09-02 Bilateral with IESALC | mention | References/AI Competency Framework | References/AI Competency Framework | 33
> Meetings/2024-09-10 Workshop planning | attendee | References/Francesc Pedro | Francesc Pedro | 5
> Meetings/2024-09-10 Workshop planning | attendee | unresolved:person:Mr. Roy Saurabh | Mr. Roy Saurabh | 6
> Meetings/2024-09-10 Workshop planning | organization | References/UNESCO-IESALC | UNESCO-IESALC | 7
> Meetings/2024-09-10 Workshop planning | mention | References/Francesc Pedro | Francesc Pedro | 10
> Meetings/2024-09-10 Workshop planning | mention | References/Francesc Pedro | Francesc Pedro | 12
> References/Arianna Valentini | affiliation | References/UNESCO-ICHEI | UNESCO-ICHEI | 3
> References/Francesc Pedro | affiliation | References/UNESCO-IESALC | UNESCO-IESALC | 5
> References/Francesc Pedro | mention | References/UNESCO-IESALC | UNESCO-IESALC | 10
> References/UNESCO-IESALC | parent | References/UNESCO | UNESCO | 4
2> kb: wrote 'v.db' (try: sqlite3 v.db '.tables')

# Actions with Obsidian Tasks emoji and Dataview fields; [-] is cancelled, not done.
$ kb --kb "$FIXTURES/vault" export sqlite v.db; sqlite3 -separator ' | ' v.db "SELECT line, text, coalesce(owner, '-'), coalesce(due, '-'), done, coalesce(done_on, '-'), cancelled, coalesce(cancelled_on, '-'), coalesce(scheduled, '-'), coalesce(start, '-'), coalesce(created, '-'), coalesce(priority, '-') FROM actions ORDER BY meeting, line"
> 28 | Send the draft agenda [[Arianna Valentini]] 📅 2024-10-15 ⏫ ➕ 2024-09-02 | References/Arianna Valentini | 2024-10-15 | 0 | - | 0 | - | - | - | 2024-09-02 | high
> 29 | Share the report's release date [[Francesc Pedro]] ✅ 2024-09-10 | References/Francesc Pedro | - | 1 | 2024-09-10 | 0 | - | - | - | - | -
> 30 | Book a room in Montevideo ❌ 2024-09-05 | - | - | 0 | - | 1 | 2024-09-05 | - | - | - | -
> 31 | Review the framework draft ⏳ 2024-09-20 🛫 2024-09-16 🔽 | - | - | 0 | - | 0 | - | 2024-09-20 | 2024-09-16 | - | low
> 12 | Circulate the invitation [[Francesc Pedro]] [due:: 2024-10-01] [priority:: high] | References/Francesc Pedro | 2024-10-01 | 0 | - | 0 | - | - | - | - | high
> 13 | Confirm the date [completion:: 2024-09-11] | - | - | 1 | 2024-09-11 | 0 | - | - | - | - | -
> 14 | Draft the concept note (due:: 2024-09-30) | - | 2024-09-30 | 0 | - | 0 | - | - | - | - | -
2> kb: wrote 'v.db' (try: sqlite3 v.db '.tables')

# Attendees and their organizations on the meeting date; a date-time keeps its wall clock.
$ kb --kb "$FIXTURES/vault" export sqlite v.db; sqlite3 -separator ' | ' v.db "SELECT a.meeting, m.date, coalesce(m.time, '-'), m.location, a.person, coalesce(a.organization, '-'), coalesce(a.role, '-') FROM attendance a JOIN records m ON m.id = a.meeting ORDER BY a.meeting, a.person"
> Meetings/2024-09-02 Bilateral with IESALC | 2024-09-02 | 14:00 | Paris | References/Arianna Valentini | References/UNESCO-ICHEI | -
> Meetings/2024-09-02 Bilateral with IESALC | 2024-09-02 | 14:00 | Paris | References/Francesc Pedro | References/UNESCO-IESALC | Director
> Meetings/2024-09-10 Workshop planning | 2024-09-10 | 09:30 |  | References/Francesc Pedro | References/UNESCO-IESALC | Director
> Meetings/2024-09-10 Workshop planning | 2024-09-10 | 09:30 |  | unresolved:person:Mr. Roy Saurabh | - | -
2> kb: wrote 'v.db' (try: sqlite3 v.db '.tables')

# kb check: the unquoted [[links]] are warnings that say how to fix them; nothing is an error.
$ kb --kb "$FIXTURES/vault" check
> Meetings/2024-09-10 Workshop planning.md:2:14: warning: unquoted [[link]] in 'categories' reads as a nested list; write "[[Meetings]]" in quotes
> Meetings/2024-09-10 Workshop planning.md:5:5: warning: unquoted [[link]] in 'people' reads as a nested list; write "[[Francesc Pedro]]" in quotes
> Meetings/2024-09-10 Workshop planning.md:6:5: warning: unresolved person 'Mr. Roy Saurabh' (no record has this name; run 'kb add person')
> Meetings/2024-09-10 Workshop planning.md:7:7: warning: unquoted [[link]] in 'org' reads as a nested list; write "[[UNESCO-IESALC]]" in quotes
2> kb: 13 files checked: 0 errors, 4 warnings

# Queries over the vault: names and aliases, the vault's own keys, body tags.
$ kb --kb "$FIXTURES/vault" query --org IESALC --format ids
> Meetings/2024-09-02 Bilateral with IESALC
> Meetings/2024-09-10 Workshop planning

$ kb --kb "$FIXTURES/vault" query --person "Francesc Pedró" --tag follow-up --format ids
> Meetings/2024-09-02 Bilateral with IESALC
> Meetings/2024-09-10 Workshop planning

$ kb --kb "$FIXTURES/vault" query --org UNESCO --explain --format md
> | DATE | TIME | TITLE | ORGANIZATIONS | ID | WHY |
> | --- | --- | --- | --- | --- | --- |
> | 2024-09-02 | 14:00 | 2024-09-02 Bilateral with IESALC | UNESCO-IESALC, UNESCO-ICHEI | Meetings/2024-09-02 Bilateral with IESALC | organization 'UNESCO-IESALC', a sub-organization of 'UNESCO' |
> | 2024-09-10 | 09:30 | 2024-09-10 Workshop planning | UNESCO-IESALC | Meetings/2024-09-10 Workshop planning | organization 'UNESCO-IESALC', a sub-organization of 'UNESCO' |

