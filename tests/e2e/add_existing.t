# kb add knows what exists (issue 25): a name or alias that already names a record of that
# type is refused, with the record and how to go on; --force adds a second one deliberately.
$ kb --kb "$FIXTURES/write" add org --name UNESCO-IESALC; ls "$FIXTURES/write/orgs"
> home-office.md
> unesco-iesalc.md
2> kb: error: organization 'UNESCO-IESALC' exists already: orgs/unesco-iesalc.md; use that record, or --force to add a second one of that name

# Spelled otherwise, or given as an alias, it is still the same record.
$ kb --kb "$FIXTURES/write" add org --name "unesco iesalc"
2> kb: error: organization 'unesco iesalc' exists already: orgs/unesco-iesalc.md ('UNESCO-IESALC'); use that record, or --force to add a second one of that name
? 1

$ kb --kb "$FIXTURES/write" add org --name "Instituto Internacional" --alias IESALC
2> kb: error: organization 'IESALC' exists already: orgs/unesco-iesalc.md ('UNESCO-IESALC'); use that record, or --force to add a second one of that name
? 1

$ kb --kb "$FIXTURES/write" add person --name "Francesc Pedró" --org IESALC
2> kb: error: person 'Francesc Pedró' exists already: people/francesc-pedro.md ('Francesc Pedro'); use that record, or give --org for another person of that name, or --force to add a second one of that name
? 1

# A person named like an organization is another record; --force adds a second one of a name.
$ kb --kb "$FIXTURES/write" add person --name "Home Office" && kb --kb "$FIXTURES/write" add org --name "Home Office" --force
> $WORK/fixtures/write/people/home-office.md
> $WORK/fixtures/write/orgs/home-office-2.md

# A meeting with the title and date of another is pointed out, and written.
$ kb --kb "$FIXTURES/write" add meeting --title "follow-up" --date 2024-10-01 >/dev/null && kb --kb "$FIXTURES/write" add meeting --title "Follow-up" --date 2024-10-01
> $WORK/fixtures/write/meetings/2024/2024-10-01-follow-up-2.md
2> kb: warning: a meeting 'follow-up' on 2024-10-01 exists already (meetings/2024/2024-10-01-follow-up.md); writing another note

# A role is held at an organization: --role without --org is a usage error, nothing written.
$ kb --kb "$FIXTURES/write" add person --name "Ana Mover" --role Director; ls "$FIXTURES/write/people"
> francesc-pedro.md
2> kb: error: --role needs --org: a role is held at an organization

# A name no record has: on a terminal kb asks before writing it; no (or nothing) writes nothing.
$ printf 'n\n' | script -qec "kb --kb '$FIXTURES/rename' add meeting --title Call --date 2024-10-01 --attendee 'Bo Chenn' 2>'$WORK/err'; echo rc=\$?" /dev/null | tr -d '\r' | grep rc=; cat "$WORK/err"; echo; ls "$FIXTURES/rename/meetings"
> rc=1
> kb: warning: unknown person 'Bo Chenn' (did you mean 'Bo Chen'?); written as given (--create-missing writes a stub record)
> Write 'Bo Chenn' as a new person name? [y/N] kb: error: nothing written
>
> 2024-09-02-kickoff.md
> 2024-09-10-follow-up.md
> 2024-09-20-review.md

$ printf 'y\n' | script -qec "kb --kb '$FIXTURES/rename' add meeting --title Call --date 2024-10-01 --attendee 'Bo Chenn' 2>'$WORK/err' >/dev/null; echo rc=\$?" /dev/null | tr -d '\r' | grep rc=; cat "$WORK/err"; echo; grep -rh Chenn "$FIXTURES/rename/meetings"
> rc=0
> kb: warning: unknown person 'Bo Chenn' (did you mean 'Bo Chen'?); written as given (--create-missing writes a stub record)
> Write 'Bo Chenn' as a new person name? [y/N] 
>   - Bo Chenn

# kb.yaml `strict: true` refuses it outright.
$ echo "strict: true" >> "$FIXTURES/rename/kb.yaml" && kb --kb "$FIXTURES/rename" add meeting --title Call --date 2024-10-01 --attendee "Bo Chenn" --org SI
2> kb: error: unknown person 'Bo Chenn' (did you mean 'Bo Chen'?) (kb.yaml has strict: true; add the record first)
? 1

# --honorific for a person, --kind and --parent for an organization.
$ kb --kb "$FIXTURES/rename" add person --name "Cy Dee" --honorific Dr. --org SI --role Analyst --dry-run && kb --kb "$FIXTURES/rename" add org --name "Lake Ministry" --kind ministry --parent "Home Office" --dry-run
> ---
> type: person
> name: Cy Dee
> honorific: Dr.
> affiliations:
>   - org: Sea Institute
>     role: Analyst
> ---
> # Cy Dee
>
> ## Notes
>
> ---
> type: organization
> name: Lake Ministry
> kind: ministry
> parent: Home Office
> ---
> # Lake Ministry
>
> ## Notes
2> kb: would write people/cy-dee.md
2> kb: would write orgs/lake-ministry.md

# kb check reads kb.yaml too: unknown settings, a home that names nothing, an unknown zone.
$ printf 'name: X\nhome: Home Ofice\ntimezone: Paris\nhme: x\n' > "$FIXTURES/rename/kb.yaml" && kb --kb "$FIXTURES/rename" check
> kb.yaml:2:7: warning: home 'Home Ofice' names no organization of the KB (did you mean 'Home Office'?)
> kb.yaml:3:11: warning: unknown time zone 'Paris' (use an IANA name such as 'Europe/Paris')
> kb.yaml:4:1: warning: unknown setting 'hme' (did you mean 'home'?); kb ignores it
2> kb: 8 files checked: 0 errors, 3 warnings

# Two real people with one name: a second one needs --org (another organization than the
# first's); notes then name each as 'NAME (ORGANIZATION)', and the shared name is a warning.
$ rm "$FIXTURES/merge/people/ana-belle.md" && kb --kb "$FIXTURES/merge" add person --name "Ana Bell"; kb --kb "$FIXTURES/merge" add person --name "Ana Bell" --org "Home Office"
2> kb: error: person 'Ana Bell' exists already: people/ana-bell.md; use that record, or give --org for another person of that name, or --force to add a second one of that name
2> kb: error: person 'Ana Bell' exists already: people/ana-bell.md; use that record, or give --org for another person of that name, or --force to add a second one of that name
? 1

$ rm "$FIXTURES/merge/people/ana-belle.md" "$FIXTURES/merge/meetings/2024-09-12-call.md" && kb --kb "$FIXTURES/merge" add person --name "Ana Bell" --org "Sea Institute" && printf -- '---\ntitle: W\ndate: 2024-10-02\nattendees: [Ana Bell (Sea Institute), Ana Bell (Home Office)]\n---\n[[Ana Bell (Sea Institute)]] met [[people/ana-bell]].\n' > "$FIXTURES/merge/meetings/w.md" && kb --kb "$FIXTURES/merge" query --person "Ana Bell (Sea Institute)" --format ids && kb --kb "$FIXTURES/merge" check
> $WORK/fixtures/merge/people/ana-bell-2.md
> meetings/w
> meetings/2024-09-02-forum.md:4:13: error: ambiguous person 'Ana Bell': matches 'people/ana-bell-2' and 'people/ana-bell' (write 'Ana Bell (ORGANIZATION)' or the record id)
> people/ana-bell.md:3:7: warning: duplicate person name 'Ana Bell' (also 'Ana Bell' in 'people/ana-bell-2.md'); name each as 'Ana Bell (ORGANIZATION)' or by record id, or 'kb merge' them if they are one person
2> kb: warning: another person 'Ana Bell' exists (people/ana-bell.md); name this one 'Ana Bell (Sea Institute)' in notes
2> kb: 1 file has problems (run 'kb check')
2> kb: 6 files checked: 1 error, 1 warning
? 1

