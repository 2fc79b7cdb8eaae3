# A living KB (issue 25): aliases, affiliations and whole-note edits without YAML surgery.
# kb alias add appends to the record's own aliases list, keeping every other byte.
$ kb --kb "$FIXTURES/write" alias add IESALC "Instituto IESALC" && cat "$FIXTURES/write/orgs/unesco-iesalc.md" && kb --kb "$FIXTURES/write" list orgs
> orgs/unesco-iesalc.md: alias 'Instituto IESALC' added to 'UNESCO-IESALC'
> ---
> type: organization
> name: UNESCO-IESALC
> aliases: [IESALC, Instituto IESALC]
> ---
> NAME           PARENT  MEETINGS  LAST MET    NEXT  ID
> Home Office            1         2024-09-02        orgs/home-office
> UNESCO-IESALC          1         2024-09-02        orgs/unesco-iesalc

# A record without aliases gets the key; the new alias then resolves like any name.
$ kb --kb "$FIXTURES/write" alias add "Home Office" "HO: UK" && cat "$FIXTURES/write/orgs/home-office.md" && kb --kb "$FIXTURES/write" query --org "HO: UK" --format ids
> orgs/home-office.md: alias 'HO: UK' added to 'Home Office'
> ---
> type: organization
> name: Home Office
> aliases: ["HO: UK"]
> ---
> meetings/2024/2024-09-02-iesalc

# Already an alias (after kb's normalization) of that record: said so, nothing written.
$ kb --kb "$FIXTURES/write" alias add UNESCO-IESALC "iesalc" && cat "$FIXTURES/write/orgs/unesco-iesalc.md"
> ---
> type: organization
> name: UNESCO-IESALC
> aliases: [IESALC]
> ---
2> kb: 'iesalc' already names 'UNESCO-IESALC' (orgs/unesco-iesalc.md); nothing to do

# An alias that names another record of that type is refused, naming it.
$ kb --kb "$FIXTURES/write" alias add "Home Office" IESALC
2> kb: error: 'IESALC' already names another organization: 'UNESCO-IESALC' (orgs/unesco-iesalc.md)
? 1

# Meetings have no aliases; unknown names get "did you mean".
$ kb --kb "$FIXTURES/write" alias add meetings/2024/2024-09-02-iesalc Bilateral
2> kb: error: 'Bilateral meeting with UNESCO-IESALC' is a meeting; aliases are for people, organizations, topics and events
? 1

$ kb --kb "$FIXTURES/write" alias add "Home Ofice" HO
2> kb: error: unknown name 'Home Ofice' (did you mean 'Home Office'?)
? 1

# With kb.yaml `fields:` mapping aliases to a vault key, a new list gets that key; a note
# that already writes `aliases:` keeps it.
$ printf 'fields:\n  aliases: also\n' >> "$FIXTURES/write/kb.yaml" && kb --kb "$FIXTURES/write" alias add "Home Office" HO >/dev/null && kb --kb "$FIXTURES/write" alias add IESALC IIE >/dev/null && grep -h -e also -e aliases "$FIXTURES/write/orgs/"*.md && kb --kb "$FIXTURES/write" show HO --format ids
> also: [HO]
> aliases: [IESALC, IIE]
> orgs/home-office

# Block lists keep their indentation, comments, quoting, CRLF line breaks and the body.
$ printf -- '---\r\ntype: person\r\nname: "Ana Ruiz"  # as she signs\r\naliases:\r\n    - Ana   # short\r\n    - A. Ruiz\r\n# more below\r\nnotes: |\r\n  kept\r\n---\r\nBody [[Home Office]]\r\n' > "$FIXTURES/write/people/ana.md" && kb --kb "$FIXTURES/write" alias add "Ana Ruiz" "Ana R." && cat -A "$FIXTURES/write/people/ana.md"
> people/ana.md: alias 'Ana R.' added to 'Ana Ruiz'
> ---^M$
> type: person^M$
> name: "Ana Ruiz"  # as she signs^M$
> aliases:^M$
>     - Ana   # short^M$
>     - A. Ruiz^M$
>     - Ana R.^M$
> # more below^M$
> notes: |^M$
>   kept^M$
> ---^M$
> Body [[Home Office]]^M$

# What kb cannot edit safely (aliases written as one scalar) is refused, the note untouched.
$ printf -- '---\ntype: person\nname: Bo\naliases: B, Bob\n---\n' > "$FIXTURES/write/people/bo.md" && cp "$FIXTURES/write/people/bo.md" "$WORK/before" && kb --kb "$FIXTURES/write" alias add Bo Bobby; cmp "$WORK/before" "$FIXTURES/write/people/bo.md" && echo unchanged
> unchanged
2> kb: error: kb cannot edit this front matter safely; edit it by hand: people/bo.md

# kb add affiliation closes the open affiliation the day before and appends the new one.
$ kb --kb "$FIXTURES/write" add affiliation "Francesc Pedró" --org "home office" --role "Adviser: AI" --since 2025-01-01 && cat "$FIXTURES/write/people/francesc-pedro.md" && kb --kb "$FIXTURES/write" show "Francesc Pedro" | head -8
> people/francesc-pedro.md: closed 'UNESCO-IESALC' (until 2024-12-31)
> people/francesc-pedro.md: added 'Home Office' (since 2025-01-01)
> ---
> type: person
> name: Francesc Pedro
> aliases: [Francesc Pedró]
> affiliations:
>   - org: UNESCO-IESALC
>     role: Director
>     until: 2024-12-31
>   - org: Home Office
>     role: "Adviser: AI"
>     since: 2025-01-01
> ---
> Francesc Pedro  person · people/francesc-pedro
> Aliases: Francesc Pedró
> Last met: Mon 2 September 2024
>
> Affiliations
>   Director, UNESCO-IESALC (? to 2024-12-31)
>   Adviser: AI, Home Office (2025-01-01 to now)

# Closed ones stay closed; an unknown organization is a warning and written as given.
$ kb --kb "$FIXTURES/write" add affiliation "Francesc Pedro" --org "Home Ofice" --since 2025-06-01 >/dev/null && kb --kb "$FIXTURES/write" add affiliation "Francesc Pedro" --org "World Bank" --since 2026-01-01 && cat "$FIXTURES/write/people/francesc-pedro.md"
> people/francesc-pedro.md: closed 'Home Ofice' (until 2025-12-31)
> people/francesc-pedro.md: added 'World Bank' (since 2026-01-01)
> ---
> type: person
> name: Francesc Pedro
> aliases: [Francesc Pedró]
> affiliations:
>   - org: UNESCO-IESALC
>     role: Director
>     until: 2025-05-31
>   - org: Home Ofice
>     since: 2025-06-01
>     until: 2025-12-31
>   - org: World Bank
>     since: 2026-01-01
> ---
2> kb: warning: unknown organization 'Home Ofice' (did you mean 'Home Office'?); written as given (--create-missing writes a stub record)
2> kb: warning: unknown organization 'World Bank'; written as given (--create-missing writes a stub record)

# A --since before the open affiliation began is refused; so is a malformed date.
$ kb --kb "$FIXTURES/write" add affiliation "Francesc Pedro" --org IESALC --since 2025-01-01 >/dev/null; kb --kb "$FIXTURES/write" add affiliation "Francesc Pedro" --org IESALC --since 2024-12-01
2> kb: error: the affiliation with 'UNESCO-IESALC' in 'people/francesc-pedro.md' starts on 2025-01-01, after --since; edit it by hand
? 1

$ kb --kb "$FIXTURES/write" add affiliation "Francesc Pedro" --org IESALC --since 2024-13-01
2> kb: error: invalid date '2024-13-01' for --since (expected YYYY-MM-DD, today, yesterday, tomorrow, -7d, +2w, last monday, next friday)
? 2

# A person whose organization is a top-level `org:` is left to be converted by hand.
$ printf -- '---\ntype: person\nname: Cy\norg: Home Office\n---\n' > "$FIXTURES/write/people/cy.md" && kb --kb "$FIXTURES/write" add affiliation Cy --org IESALC --since 2025-01-01
2> kb: error: 'people/cy.md' gives its organization as a top-level 'org:'; move it into an 'affiliations:' list by hand
? 1

# kb edit opens the note in $EDITOR and checks it after, like visudo: a broken note is
# reported and, without a terminal to ask "Edit again?", exits 1; its path reopens it.
$ printf 'printf -- "---\\ntype: person\\nname: [Francesc\\n---\\n" > "$1"\n' > "$WORK/break.sh" && EDITOR="sh $WORK/break.sh" kb --kb "$FIXTURES/write" edit "Francesc Pedro"
2> people/francesc-pedro.md:4:1: error: invalid YAML: end of sequence flow not found
2> kb: error: 'people/francesc-pedro.md' does not load cleanly; fix it with 'kb edit people/francesc-pedro.md'
? 1

$ printf 'printf -- "---\\ntype: person\\nname: [Francesc\\n---\\n" > "$1"\n' > "$WORK/break.sh" && EDITOR="sh $WORK/break.sh" kb --kb "$FIXTURES/write" edit "Francesc Pedro"; EDITOR="sed -i s/\\\\[Francesc/Francesc/" kb --kb "$FIXTURES/write" edit people/francesc-pedro.md && cat "$FIXTURES/write/people/francesc-pedro.md"
> ---
> type: person
> name: Francesc
> ---
2> people/francesc-pedro.md:4:1: error: invalid YAML: end of sequence flow not found
2> kb: error: 'people/francesc-pedro.md' does not load cleanly; fix it with 'kb edit people/francesc-pedro.md'
2> kb: 1 file has problems (run 'kb check')

# Errors that a load finds after parsing (an affiliation without an org) count too.
$ EDITOR="sed -i s/org:/orgx:/" kb --kb "$FIXTURES/write" edit "Francesc Pedro"
2> people/francesc-pedro.md:6:5: error: affiliation without an 'org'
2> kb: error: 'people/francesc-pedro.md' does not load cleanly; fix it with 'kb edit people/francesc-pedro.md'
? 1

# An edit that keeps the note loading exits 0; kb add --edit is checked the same way.
$ EDITOR="sed -i s/Director/Chief/" kb --kb "$FIXTURES/write" edit "Francesc Pedro" && grep role "$FIXTURES/write/people/francesc-pedro.md"
>     role: Chief

$ printf 'printf -- "---\\ntype: topic\\nname: [x\\n---\\n" > "$1"\n' > "$WORK/break.sh" && EDITOR="sh $WORK/break.sh" kb --kb "$FIXTURES/write" add topic --name Drafts --edit
> $WORK/fixtures/write/topics/drafts.md
2> topics/drafts.md:4:1: error: invalid YAML: end of sequence flow not found
2> kb: error: 'topics/drafts.md' does not load cleanly; fix it with 'kb edit topics/drafts.md'
? 1

# On a terminal kb asks "Edit again? [Y/n]": yes reopens the editor (this one breaks the note
# the first time and fixes it the second), no exits 1 with the note as it is.
$ printf 'if [ -e "$WORK/once" ]; then sed -i "s/\\[Francesc/Francesc/" "$1"; else touch "$WORK/once"; printf -- "---\\ntype: person\\nname: [Francesc\\n---\\n" > "$1"; fi\n' > "$WORK/ed.sh" && printf 'y\n' | EDITOR="sh $WORK/ed.sh" script -qec "kb --kb '$FIXTURES/write' edit 'Francesc Pedro' 2>'$WORK/err'; echo rc=\$?" /dev/null | tr -d '\r' | grep rc=; cat "$WORK/err"; echo; cat "$FIXTURES/write/people/francesc-pedro.md"
> rc=0
> people/francesc-pedro.md:4:1: error: invalid YAML: end of sequence flow not found
> Edit again? [Y/n] 
> ---
> type: person
> name: Francesc
> ---

$ printf 'printf -- "---\\ntype: person\\nname: [Francesc\\n---\\n" > "$1"\n' > "$WORK/ed.sh" && printf 'n\n' | EDITOR="sh $WORK/ed.sh" script -qec "kb --kb '$FIXTURES/write' edit 'Francesc Pedro' 2>'$WORK/err'; echo rc=\$?" /dev/null | tr -d '\r' | grep rc=; cat "$WORK/err"
> rc=1
> people/francesc-pedro.md:4:1: error: invalid YAML: end of sequence flow not found
> Edit again? [Y/n] kb: error: 'people/francesc-pedro.md' does not load cleanly; fix it with 'kb edit people/francesc-pedro.md'

# The new commands are in the help.
$ kb --help | grep -E '^  (edit|alias) '; kb add --help | grep affiliation; kb alias add --help
>   edit                      Open a note in $EDITOR, then check that it loads
>   alias                     Manage a record's aliases (its other names)
>   affiliation               A new affiliation; closes the open ones first
> Add another name to a person, org, topic or event
> Usage: kb alias add [OPTIONS] name alias
>
> Positionals:
>   name NAME REQUIRED        The record: a name, alias or record id
>   alias ALIAS REQUIRED      The new alias
>
> Options:
>   -h,--help                 Print this help message and exit
>
> Global options (before or after the command):
>   --kb DIR                  the KB folder (else $KB_DIR, a kb.yaml here or above)
>   --color WHEN, -q, -v      colour (auto, always, never); quiet; verbose
>   --no-cache, --no-pager    read every note afresh; print without a pager
>
> Examples:
>   kb alias add IESALC "UNESCO IESALC"

