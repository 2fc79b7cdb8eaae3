# Confidentiality (issue 26): `visibility: confidential` on the Ministry briefing of 24 Feb,
# `#confidential` on one action of the 3 March team sync. Reports, exports and the graph
# leave out what an audience may not see, and say on stderr how much of the KB they left out.
$ kb --kb "$FIXTURES/month" report weekly --week 2025-W09 | grep -c 'Ministry briefing'
> 1

$ kb --kb "$FIXTURES/month" report weekly --week 2025-W09 --audience external | grep -c 'Ministry briefing'
> 0
2> kb: for this audience: 1 note and 1 line left out
2> kb: no meetings in 2025-W09
? 1

$ kb --kb "$FIXTURES/month" report weekly --week 2025-W10 --audience external | grep -c 'travel budget'
> 0
2> kb: for this audience: 1 note and 1 line left out
? 1

# The report reads its week's summaries from their notes after the load: a tagged line of one
# stays out all the same.
$ sed -i 's/^Who does what this week\.$/Who does what this week. Budget talks went badly #confidential/' "$FIXTURES/month/meetings/2025/2025-03-03-team-sync.md" && kb --kb "$FIXTURES/month" report weekly --week 2025-W10 --audience external | grep -c 'went badly'; kb --kb "$FIXTURES/month" report weekly --week 2025-W10 | grep -c 'went badly'
> 0
> 1
2> kb: for this audience: 1 note and 2 lines left out

# A level's own name is an audience that sees up to that level; `all` sees everything.
$ kb --kb "$FIXTURES/month" report weekly --week 2025-W10 --audience confidential | grep -c 'travel budget'
> 2

$ kb --kb "$FIXTURES/month" report brief "Ministry of Education" | grep -c 'pilot'
> 2

$ kb --kb "$FIXTURES/month" report brief "Ministry of Education" --audience internal | grep -c 'pilot'
> 0
2> kb: for this audience: 1 note and 1 line left out
? 1

$ kb --kb "$FIXTURES/month" export ics --audience external | grep -c 'SUMMARY:Ministry briefing'
> 0
2> kb: for this audience: 1 note and 1 line left out
? 1

$ kb --kb "$FIXTURES/month" -q graph --format json --audience external | jq -r '.nodes[].id' | grep ministry
> meetings/2025/2025-03-06-ministry-call
> orgs/ministry-of-education

$ kb --kb "$FIXTURES/month" -q export sqlite "$WORK/all.db" && kb --kb "$FIXTURES/month" -q export sqlite "$WORK/out.db" --audience external && for db in all out; do sqlite3 "$WORK/$db.db" "select count(*) from records where type = 'meeting'; select count(*) from actions where text like '%travel%'"; done
> 7
> 1
> 6
> 0

# kb.yaml names the audiences and the default one; --audience all overrides it.
$ printf 'audiences: {partners: internal}\naudience: partners\n' >> "$FIXTURES/month/kb.yaml" && kb --kb "$FIXTURES/month" report weekly --week 2025-W10 | grep -c 'travel budget'; kb --kb "$FIXTURES/month" report weekly --week 2025-W10 --audience all | grep -c 'travel budget'
> 0
> 2
2> kb: for this audience: 1 note and 1 line left out

# Other commands are the writer's own view: everything.
$ printf 'audience: external\n' >> "$FIXTURES/month/kb.yaml" && kb --kb "$FIXTURES/month" query --org "Ministry of Education" --format ids
> meetings/2025/2025-02-24-ministry
> meetings/2025/2025-03-06-ministry-call

$ kb --kb "$FIXTURES/month" report weekly --audience press
2> kb: error: unknown audience 'press' (choose all, external, or a level: public, internal, confidential)
? 1

# A visibility word that is no level hides the note from every audience but `all`, and check says so.
$ sed -i 's/^visibility: confidential/visibility: secret/' "$FIXTURES/month/meetings/2025/2025-02-24-ministry.md" && kb --kb "$FIXTURES/month" check; kb --kb "$FIXTURES/month" report weekly --week 2025-W09 --audience confidential | grep -c 'Ministry briefing'
> meetings/2025/2025-02-24-ministry.md:6:13: warning: visibility 'secret' is no level (public, internal, confidential); only the audience 'all' sees this note
> 0
2> kb: 15 files checked: 0 errors, 1 warning
2> kb: for this audience: 1 note and 0 lines left out
2> kb: no meetings in 2025-W09
? 1

