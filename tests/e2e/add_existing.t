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
2> kb: error: person 'Francesc Pedró' exists already: people/francesc-pedro.md ('Francesc Pedro'); use that record, or --force to add a second one of that name
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

