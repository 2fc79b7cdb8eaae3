# kb init --detect on an existing vault: the mapping is proposed from what the notes use,
# written to kb.yaml only with --write, and then reads the vault exactly as the hand-written
# kb.yaml of tests/fixtures/vault does.
$ cp -R "$FIXTURES/vault" v && rm v/kb.yaml && kb init v --detect; test -e v/kb.yaml || echo "(no kb.yaml)"
> # Proposed by 'kb init --detect' from 13 notes:
> #   2 notes have categories '[[Meetings]]'
> #   1 note has categories '[[Topics]]'
> #   2 notes have categories '[[People]]'
> #   3 notes have categories '[[Organizations]]'
> #   2 of 2 meetings use 'people' for attendees (0 use 'attendees')
> #   2 of 2 meetings use 'org' for organizations (0 use 'organizations')
> #   1 of 2 meetings use 'loc' for location (0 use 'location')
> #   2 of 2 meetings have no 'title': their file name is the title
> fields:
>   attendees: people
>   location: loc
>   organizations: org
>   title: file.name
> types:
>   meeting:
>     categories: "[[Meetings]]"
>   person:
>     categories: "[[People]]"
>   organization:
>     categories: "[[Organizations]]"
>   topic:
>     categories: "[[Topics]]"
> (no kb.yaml)
2> kb: not written; run 'kb init v --detect --write' to add this to kb.yaml

$ cp -R "$FIXTURES/vault" v && rm v/kb.yaml && kb init v --detect --write >/dev/null && grep -c . v/kb.yaml
> 23
2> kb: added the mapping to 'v/kb.yaml'

# The detected mapping and the hand-written one give the same records, links and actions.
$ cp -R "$FIXTURES/vault" v && rm v/kb.yaml && kb -q init v --detect --write >/dev/null && kb -q --kb v export sqlite a.db && kb -q --kb "$FIXTURES/vault" export sqlite b.db && for q in "SELECT id, type, name, aliases, tags FROM records" "SELECT * FROM links" "SELECT * FROM actions" "SELECT * FROM attendance"; do diff <(sqlite3 a.db "$q ORDER BY 1, 2, 3") <(sqlite3 b.db "$q ORDER BY 1, 2, 3") && echo same; done
> same
> same
> same
> same

# kb.yaml that already maps fields is left alone.
$ kb init "$FIXTURES/vault" --detect --write >/dev/null
2> kb: error: kb.yaml already has 'fields'; merge the proposal above into it by hand
? 1

# A KB in kb's own layout needs nothing.
$ kb init "$RECORDS" --detect 2>&1 | sed 's/read [0-9]* notes/read N notes/'
> kb: read N notes: kb reads them as they are, nothing to map


# Template folders are not evidence: those the vault's settings name are skipped already, and a
# folder named for templates that no setting names is proposed as an `ignore:` entry.
$ cp -R "$FIXTURES/vault_ignore" v && rm v/kb.yaml v/.obsidian/templates.json && kb init v --detect --write && kb --kb v check
> # Proposed by 'kb init --detect' from 3 notes:
> #   3 notes are skipped already (kb.yaml's ignore, the vault's template folders and excluded files)
> #   folder 'Meta/Templates' holds 1 template, not notes
> ignore:
>   - "Meta/Templates/**"
> Work/_drafts/Idea.md:1:1: error: missing required field 'date'
2> kb: added the mapping to 'v/kb.yaml'
2> kb: 3 files checked: 1 error, 0 warnings, 1 skipped
? 1

# kb.yaml that already has `ignore:` is left alone when there is more to ignore.
$ rm "$FIXTURES/vault_ignore/.obsidian/templates.json" && kb init "$FIXTURES/vault_ignore" --detect --write >/dev/null
2> kb: error: kb.yaml already has 'ignore'; merge the proposal above into it by hand
? 1
