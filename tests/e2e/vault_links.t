# Wikilinks name notes as Obsidian resolves them (tests/fixtures/vault_links): by file name
# first, whatever the note's title; of several files of one name, the one in the linking note's
# folder, else the shortest path; the end of a path (`[[b/c]]` for a/b/c.md); any letter case.
# Two notes named `index` and two named `report` are no "ambiguous link".
$ kb --kb "$FIXTURES/vault_links" check
> Literature/hub.md:10:66: warning: unresolved link '[[no-such-note]]'
2> kb: 9 files checked: 0 errors, 1 warning

# Each link and the note it names: [[note-a]] is Literature/note-a.md (titled otherwise);
# [[index]] from Literature/ is Literature/index.md, from Meetings/ the top one (shorter);
# [[report]] the shorter of two paths; [[../index]] is taken from the linking note's folder.
$ kb --kb "$FIXTURES/vault_links" export sqlite l.db >/dev/null 2>&1; sqlite3 -separator ' | ' l.db "SELECT source, target, text, line FROM links WHERE kind='mention' ORDER BY source, line, text"
> Literature/hub | Literature/note-a | A Study of Tidal Patterns | 4
> Literature/hub | Literature/note-a | note-a | 4
> Literature/hub | index | ../index | 6
> Literature/hub | Literature/index | index | 6
> Literature/hub | a/b/c | B/C.md | 8
> Literature/hub | a/b/c | b/c | 8
> Literature/hub | Archive/2023/Old/report | report | 8
> Literature/hub | People/margaret-hamilton | margaret-hamilton | 10
> Literature/hub |  | no-such-note | 10
> Meetings/2024-05-06-review | Literature/note-a | NOTE-A | 7
> Meetings/2024-05-06-review | index | index | 7
> Meetings/2024-05-06-review | People/margaret-hamilton | margaret-hamilton | 7
> Meetings/2024-05-06-review | People/margaret-hamilton | margaret-hamilton | 9

# A file name on the command line finds its note too, when no name or title is it.
$ kb --kb "$FIXTURES/vault_links" show note-a
> A Study of Tidal Patterns  note · Literature/note-a
>
> Meetings (0)
>   none yet
