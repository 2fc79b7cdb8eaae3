# kb search (docs/search.md): ranked full-text search over tests/fixtures/search/, run warm
# (the index kept in the cache) and without the cache (an index in memory), with one answer.
# A title that holds the phrase ranks above a body that mentions it once.
$ kb --kb "$FIXTURES/search" search "concept note"
> meeting      Concept note review  2024-03-04  meetings/2024-03-04-concept-note-review
>     «Concept» «note» review
> person       José Pérez García  people/jose-perez-garcia
>     Works on the regional consultation and the «concept» «note» series.
> meeting      Budget talks  2024-03-05  meetings/2024-03-05-budget-talks
>     …Further down, someone asked whether the «concept» «note» for the autumn workshop…

$ kb --kb "$FIXTURES/search" search concept note --format ids
> meetings/2024-03-04-concept-note-review
> people/jose-perez-garcia
> meetings/2024-03-05-budget-talks

$ kb --kb "$FIXTURES/search" search '"concept note"' --limit 2 --format json
> [
>   {
>     "date": "2024-03-04",
>     "id": "meetings/2024-03-04-concept-note-review",
>     "name": "Concept note review",
>     "name_match": false,
>     "path": "meetings/2024-03-04-concept-note-review.md",
>     "rank": -1.236279695601708,
>     "snippet": "«Concept note» review",
>     "type": "meeting"
>   },
>   {
>     "date": null,
>     "id": "people/jose-perez-garcia",
>     "name": "José Pérez García",
>     "name_match": false,
>     "path": "people/jose-perez-garcia.md",
>     "rank": -0.7876094409519244,
>     "snippet": "Works on the regional consultation and the «concept note» series.",
>     "type": "person"
>   }
> ]

# A person or organization whose name holds the words ranks first: partial, accents and case
# aside, one typo allowed in a longer word.
$ kb --kb "$FIXTURES/search" search perez garcia --format ids
> people/jose-perez-garcia
> meetings/2024-03-04-concept-note-review

$ kb --kb "$FIXTURES/search" search pedro
> person       Francesc Pedro  people/francesc-pedro
>     Francesc «Pedró» francesc «pedro»

$ kb --kb "$FIXTURES/search" search francesk --type people --format ids
> people/francesc-pedro

$ kb --kb "$FIXTURES/search" search iesalc --format csv
> TYPE,DATE,NAME,ID,SNIPPET
> organization,,UNESCO-IESALC,orgs/unesco-iesalc,«IESALC» UNESCO International Institute for Higher Education in Latin America and the…
> meeting,2024-03-06,Follow-up with IESALC,meetings/2024-03-06-follow-up,Follow-up with «IESALC»

# The generated "Before this meeting" section is not indexed.
$ kb --kb "$FIXTURES/search" search zanzibar
2> kb: nothing matches

# OR, -word and filters.
$ kb --kb "$FIXTURES/search" search budget OR outline --format ids
> meetings/2024-03-05-budget-talks
> meetings/2024-03-04-concept-note-review

$ kb --kb "$FIXTURES/search" search consultation --org IESALC --format ids
> meetings/2024-03-06-follow-up

$ kb --kb "$FIXTURES/search" search concept --since 2024-03-05 --format ids
> meetings/2024-03-05-budget-talks

$ kb --kb "$FIXTURES/search" search consultation --type topics --type people --format ids
> topics/regional-consultation
> people/jose-perez-garcia

$ kb --kb "$FIXTURES/search" search concept --type rooms
2> kb: error: unknown --type 'rooms' (expected meetings, people, organizations, topics, events or notes)
? 2

$ kb --kb "$FIXTURES/search" search concept --org Nowhere
2> kb: error: unknown organization 'Nowhere'
? 1

# A note's escape sequences never reach the terminal.
$ kb --kb "$FIXTURES/search" search alert
> meeting      Alert drill  2024-03-07  meetings/2024-03-07-alert-drill
>     The drill printed [31mred «alert» [0m on every screen and ]0;owned…

# Hostile searches: never an FTS5 syntax error.
$ kb --kb "$FIXTURES/search" search '"'
2> kb: error: nothing to search for in '"' (give a word, "a phrase", or words joined by OR)
? 2

$ kb --kb "$FIXTURES/search" search '*'
2> kb: error: nothing to search for in '*' (give a word, "a phrase", or words joined by OR)
? 2

$ kb --kb "$FIXTURES/search" search 'NEAR(' 'concept'
2> kb: nothing matches

$ kb --kb "$FIXTURES/search" search -- -
2> kb: error: nothing to search for in '-' (give a word, "a phrase", or words joined by OR)
? 2

$ kb --kb "$FIXTURES/search" search -- '-concept'
2> kb: error: nothing to search for in '-concept' (give a word, "a phrase", or words joined by OR)
? 2

$ kb --kb "$FIXTURES/search" search 'col:umn' '^x' 'a AND' 'NOT' '{title}'
2> kb: nothing matches

$ kb --kb "$FIXTURES/search" search "$(printf '\033[31m\033]0;owned\007')"
2> kb: nothing matches

$ kb --kb "$FIXTURES/search" search "$(printf 'alert\033[2J')"
2> kb: nothing matches

$ kb --kb "$FIXTURES/search" search "$(python3 -c 'print("budget " * 1500)')" --format ids
> meetings/2024-03-05-budget-talks
2> kb: only the first 32 terms are searched

# The index follows the notes from run to run, whatever the load did with them (a warm load
# patches a few changed notes into its graph snapshot): an edited note is found by its new
# words and no more by the words it lost, a deleted note is gone, a new note is found.
$ f="$FIXTURES/search/meetings/2024-03-06-follow-up.md"; kb --kb "$FIXTURES/search" search consultation --format ids >/dev/null; sed -i 's/regional consultation/quokka census/' "$f"; kb --kb "$FIXTURES/search" search quokka --format ids; kb --kb "$FIXTURES/search" search consultation --org IESALC --format ids
> meetings/2024-03-06-follow-up
2> kb: nothing matches

$ kb --kb "$FIXTURES/search" search budget --format ids >/dev/null; rm "$FIXTURES/search/meetings/2024-03-05-budget-talks.md"; kb --kb "$FIXTURES/search" search budget --format ids
2> kb: nothing matches

$ kb --kb "$FIXTURES/search" search budget --format ids >/dev/null; printf -- '---\ntitle: Quokka census\ndate: 2024-03-08\n---\nCounting the quokkas.\n' > "$FIXTURES/search/meetings/2024-03-08-quokka.md"; kb --kb "$FIXTURES/search" search quokka --format ids
> meetings/2024-03-08-quokka

# A -word is a search word wherever it stands among the words and options; the options take
# one value each, so words may follow them. -h, -q and -v stay options; a typo in an option
# is still an error.
$ kb --kb "$FIXTURES/search" search concept note -series --format ids
> meetings/2024-03-04-concept-note-review
> meetings/2024-03-05-budget-talks

$ kb --kb "$FIXTURES/search" search -series --limit 1 concept --format ids
> meetings/2024-03-04-concept-note-review

$ kb --kb "$FIXTURES/search" -q search consultation --org IESALC calendar -q --format ids
> meetings/2024-03-06-follow-up

$ kb --kb "$FIXTURES/search" search concept --type -series
2> kb: error: unknown --type '-series' (expected meetings, people, organizations, topics, events or notes)
? 2

$ kb --kb "$FIXTURES/search" search concept --limt 3
2> kb: error: unknown option '--limt' for 'kb search' (did you mean '--limit'?); see 'kb search --help'
? 2
