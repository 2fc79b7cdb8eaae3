# Properties as vaults write them (tests/fixtures/vault_props): names in any letter case
# (`Title:`, `Attendees:`, `Aliases:`, `Type:`), a list field written as one comma-separated
# string, nested tags, `time:` as 9:30 or a date-time, and a date with slashes, which is an
# error that says how to write it (never read silently, never dropped without a word).
$ kb --kb "$FIXTURES/vault_props" check
> Meetings/2024-09-04 Standup.md:3:7: error: invalid date '2024/09/04' (expected YYYY-MM-DD, as in '2024-09-04')
> Meetings/2024-09-05 Retro.md:7:45: warning: invalid due date '2024/09/20' (expected YYYY-MM-DD, as in '2024-09-20')
2> kb: 8 files checked: 1 error, 1 warning, 1 skipped
? 1

# --tag meeting matches meeting/board and meeting/one-on-one, not meetings.
$ kb --kb "$FIXTURES/vault_props" query --tag meeting --explain
> DATE        TIME   TITLE          ORGANIZATIONS                       ID                              WHY
> 2024-09-02  09:30  Board meeting  Analytical Engines, Bletchley Park  Meetings/2024-09-02 Board       tag 'meeting/board'
> 2024-09-03  10:30  One on one                                         Meetings/2024-09-03 One on one  tag 'meeting/one-on-one'
2> kb: 1 file has problems, 1 skipped (run 'kb check')

# `Attendees: Ada Lovelace, Alan Turing` is two people, `"[[A]], [[B]]"` two organizations;
# Ada's `Org:` gives her affiliation, and `Aliases:` her other name.
$ kb -q --kb "$FIXTURES/vault_props" query --person Ada --format json | jq -c '.[] | {title, time, attendees, organizations, tags}'
> {"title":"Board meeting","time":"09:30","attendees":[{"name":"Ada Lovelace","organization":"Analytical Engines","role":null},{"name":"Alan Turing","organization":null,"role":null}],"organizations":["Analytical Engines","Bletchley Park"],"tags":["meeting/board"]}
> {"title":"One on one","time":"10:30","attendees":[{"name":"Ada Lovelace","organization":"Analytical Engines","role":null}],"organizations":[],"tags":["meeting/one-on-one"]}

# --where and --has take a key in any letter case too.
$ kb -q --kb "$FIXTURES/vault_props" query --where attendees="Alan Turing" --has TIME --format ids
> Meetings/2024-09-02 Board

# kb alias add writes into the note's own `Aliases:`, not a second key.
$ kb -q --kb "$FIXTURES/vault_props" alias add Ada "Countess of Lovelace" && cat "$FIXTURES/vault_props/People/Ada Lovelace.md"
> People/Ada Lovelace.md: alias 'Countess of Lovelace' added to 'Ada Lovelace'
> ---
> Type: person
> Aliases: [Ada, Countess of Lovelace]
> Org: "[[Analytical Engines]]"
> ---

