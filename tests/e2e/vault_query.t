# kb query's generic filters on an Obsidian vault (tests/fixtures/vault): --where on any
# front-matter key as the vault writes it (list values match any element; "[[links]]" and
# unquoted [[links]] match their name), --has, and --text with words, "phrases", OR and
# -excluded words.
$ kb --kb "$FIXTURES/vault" query --where categories=Meetings --format ids
> Meetings/2024-09-02 Bilateral with IESALC
> Meetings/2024-09-10 Workshop planning

$ kb --kb "$FIXTURES/vault" query --where "people=Francesc Pedro" --format ids
> Meetings/2024-09-02 Bilateral with IESALC
> Meetings/2024-09-10 Workshop planning

$ kb --kb "$FIXTURES/vault" query --where org=UNESCO-IESALC --where loc=paris --format ids
> Meetings/2024-09-02 Bilateral with IESALC

$ kb --kb "$FIXTURES/vault" query --where tags=bilateral --format ids
> Meetings/2024-09-02 Bilateral with IESALC

$ kb --kb "$FIXTURES/vault" query --where org=Nobody --format ids
2> kb: no meetings match

$ kb --kb "$FIXTURES/vault" query --has loc --format ids
> Meetings/2024-09-02 Bilateral with IESALC

$ kb --kb "$FIXTURES/vault" query --has time --has topics --format ids
> Meetings/2024-09-02 Bilateral with IESALC

$ kb --kb "$FIXTURES/vault" query --has nothing-like-this --format ids
2> kb: no meetings match

$ kb --kb "$FIXTURES/vault" query --text workshop --format ids
> Meetings/2024-09-02 Bilateral with IESALC
> Meetings/2024-09-10 Workshop planning

$ kb --kb "$FIXTURES/vault" query --text 'workshop -montevideo' --format ids
> Meetings/2024-09-10 Workshop planning

$ kb --kb "$FIXTURES/vault" query --text '"concept note"' OR montevideo --format ids
> Meetings/2024-09-02 Bilateral with IESALC
> Meetings/2024-09-10 Workshop planning

$ kb --kb "$FIXTURES/vault" query --text '"concept note"' --explain --format md
> | DATE | TIME | TITLE | ORGANIZATIONS | ID | WHY |
> | --- | --- | --- | --- | --- | --- |
> | 2024-09-10 | 09:30 | 2024-09-10 Workshop planning | UNESCO-IESALC | Meetings/2024-09-10 Workshop planning | text 'concept note' |

$ kb --kb "$FIXTURES/vault" query --text '"note concept"' --format ids
2> kb: no meetings match

$ kb --kb "$FIXTURES/vault" query --where people --format ids
2> kb: error: invalid --where 'people' (expected KEY=VALUE)
? 2

