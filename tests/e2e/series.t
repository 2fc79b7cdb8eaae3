# Series of recurring meetings (issue 26): `series:` in a meeting, `kb show SERIES`,
# `kb query --series`, `kb add meeting --next-in SERIES`. Fixture: series (a monthly call on
# the first Monday, written three ways; a steering committee that keeps no rhythm).
# The history, newest first; the meetings are titled as their series, so the series answers.
$ KB_TODAY=2024-11-20 kb --kb "$FIXTURES/series" show "IESALC monthly call"
> IESALC monthly call  series · 3 meetings
> Rhythm: monthly on the first Monday
> Next: 2024-12-02 by its rhythm (kb add meeting --next-in 'IESALC monthly call')
>
> Meetings (3)
>   2024-11-04  IESALC monthly call  1 open  meetings/2024/2024-11-04-iesalc-monthly-call
>   2024-10-07  IESALC monthly call  1 open  meetings/2024/2024-10-07-iesalc-monthly-call
>   2024-09-02  IESALC monthly call  1 open  meetings/2024/2024-09-02-iesalc-monthly-call
>
> Open actions (3)
>   [ ] Send the concept note Hana Home  meetings/2024/2024-09-02-iesalc-monthly-call:14
>   [ ] Book the workshop room Francesc Pedro  meetings/2024/2024-10-07-iesalc-monthly-call:11
>   [ ] Draft the workshop programme Hana Home  meetings/2024/2024-11-04-iesalc-monthly-call:17

# Planned meetings are marked; JSON for scripts; ids for pipes.
$ KB_TODAY=2024-10-20 kb --kb "$FIXTURES/series" show iesalc-monthly-call --format json
> {
>   "cadence": "monthly on the first Monday",
>   "meetings": [
>     {
>       "actions": 1,
>       "date": "2024-11-04",
>       "id": "meetings/2024/2024-11-04-iesalc-monthly-call",
>       "open_actions": 1,
>       "planned": true,
>       "time": "15:00",
>       "title": "IESALC monthly call"
>     },
>     {
>       "actions": 2,
>       "date": "2024-10-07",
>       "id": "meetings/2024/2024-10-07-iesalc-monthly-call",
>       "open_actions": 1,
>       "planned": false,
>       "time": "15:00",
>       "title": "IESALC monthly call"
>     },
>     {
>       "actions": 2,
>       "date": "2024-09-02",
>       "id": "meetings/2024/2024-09-02-iesalc-monthly-call",
>       "open_actions": 1,
>       "planned": false,
>       "time": "15:00",
>       "title": "IESALC monthly call"
>     }
>   ],
>   "name": "IESALC monthly call",
>   "next_by_cadence": "2024-12-02",
>   "open_actions": [
>     {
>       "cancelled": false,
>       "done": false,
>       "done_on": null,
>       "due": "2024-09-20",
>       "line": 14,
>       "markdown": "Send the concept note [[Hana Home]] due:2024-09-20",
>       "meeting": "meetings/2024/2024-09-02-iesalc-monthly-call",
>       "note": "meetings/2024/2024-09-02-iesalc-monthly-call",
>       "owner": "Hana Home",
>       "text": "Send the concept note Hana Home"
>     },
>     {
>       "cancelled": false,
>       "done": false,
>       "done_on": null,
>       "due": "2024-11-15",
>       "line": 11,
>       "markdown": "Book the workshop room [[Francesc Pedro]] due:2024-11-15",
>       "meeting": "meetings/2024/2024-10-07-iesalc-monthly-call",
>       "note": "meetings/2024/2024-10-07-iesalc-monthly-call",
>       "owner": "Francesc Pedro",
>       "text": "Book the workshop room Francesc Pedro"
>     },
>     {
>       "cancelled": false,
>       "done": false,
>       "done_on": null,
>       "due": null,
>       "line": 17,
>       "markdown": "Draft the workshop programme [[Hana Home]]",
>       "meeting": "meetings/2024/2024-11-04-iesalc-monthly-call",
>       "note": "meetings/2024/2024-11-04-iesalc-monthly-call",
>       "owner": "Hana Home",
>       "text": "Draft the workshop programme Hana Home"
>     }
>   ],
>   "type": "series"
> }

$ KB_TODAY=2024-11-20 kb --kb "$FIXTURES/series" show "steering committee" --format ids
> meetings/2024/2024-11-05-steering-committee
> meetings/2024/2024-10-22-steering-committee
> meetings/2024/2024-09-10-steering-committee

# A series is also a query filter, and meeting JSON names it.
$ kb --kb "$FIXTURES/series" query --series "IESALC Monthly Call" --explain
> DATE        TIME   TITLE                ORGANIZATIONS               ID                                            WHY
> 2024-09-02  15:00  IESALC monthly call  Home Office, UNESCO-IESALC  meetings/2024/2024-09-02-iesalc-monthly-call  series 'IESALC monthly call'
> 2024-10-07  15:00  IESALC monthly call  Home Office, UNESCO-IESALC  meetings/2024/2024-10-07-iesalc-monthly-call  series 'iesalc-monthly-call'
> 2024-11-04  15:00  IESALC monthly call  Home Office, UNESCO-IESALC  meetings/2024/2024-11-04-iesalc-monthly-call  series 'IESALC monthly call'

$ kb --kb "$FIXTURES/series" query --series "Steering committee" --format json | jq -c '[.[] | .series]'
> ["Steering committee","Steering committee","Steering committee"]

# kb list series: each series, its span, the next meeting (planned, else by its rhythm) and
# its rhythm.
$ KB_TODAY=2024-11-20 kb --kb "$FIXTURES/series" list series
> SERIES               MEETINGS  FIRST       LAST        NEXT                    RHYTHM
> IESALC monthly call  3         2024-09-02  2024-11-04  2024-12-02 (by rhythm)  monthly on the first Monday
> Steering committee   3         2024-09-10  2024-11-05

$ KB_TODAY=2024-10-20 kb --kb "$FIXTURES/series" list series --format json | jq -c '.[] | [.name, .meetings, .first, .last, .next, .next_by_cadence, .cadence]'
> ["IESALC monthly call",3,"2024-09-02","2024-11-04","2024-11-04","2024-12-02","monthly on the first Monday"]
> ["Steering committee",3,"2024-09-10","2024-11-05","2024-10-22",null,null]

$ kb --kb "$FIXTURES/minimal" list series
2> kb: no meeting names a 'series:' yet

# kb show of one meeting says its series.
$ kb --kb "$FIXTURES/series" show meetings/2024/2024-10-07-iesalc-monthly-call | grep Series
> Series: iesalc-monthly-call

# An unknown series names the nearest ones (exit 1), in show, query and add alike.
$ kb --kb "$FIXTURES/series" show --series "IESALC montly call"
2> kb: error: unknown series 'IESALC montly call' (did you mean 'IESALC monthly call'?)
? 1

$ kb --kb "$FIXTURES/series" query --series "Budget board"
2> kb: error: unknown series 'Budget board' (the series are 'IESALC monthly call' and 'Steering committee')
? 1

$ kb --kb "$FIXTURES/series" add meeting --next-in "steering comitee"
2> kb: error: unknown series 'steering comitee' (did you mean 'Steering committee'?)
? 1

# A record of the name answers first, with a note; --series asks for the series.
$ printf -- '---\ntype: topic\nname: Steering committee\n---\n' > "$FIXTURES/series/steering.md" && kb --kb "$FIXTURES/series" show "Steering committee" | head -1 && kb --kb "$FIXTURES/series" show --series "Steering committee" --format ids | head -1
> Steering committee  topic · steering
> meetings/2024/2024-11-05-steering-committee
2> kb: note: 'Steering committee' is also a series; 'kb show --series "Steering committee"' shows its history

# The next occurrence: dated by the rhythm (the first Monday), names, time and place from the
# last call, its series' open actions carried as links (not copied tasks) and left out of the
# open actions below them.
$ kb --kb "$FIXTURES/series" add meeting --next-in "iesalc monthly call" && cat "$FIXTURES/series/meetings/2024/2024-12-02-iesalc-monthly-call.md"
> $WORK/fixtures/series/meetings/2024/2024-12-02-iesalc-monthly-call.md
> ---
> type: meeting
> title: IESALC monthly call
> date: 2024-12-02
> time: "15:00"
> location: Zoom
> organizations: [Home Office, UNESCO-IESALC]
> attendees:
>   - Hana Home
>   - Francesc Pedro
> series: IESALC monthly call
> ---
> # IESALC monthly call
>
> <!-- kb:prep -->
> ## Before this meeting
>
> ### Carried over from IESALC monthly call
>
> - Send the concept note [[Hana Home]] due:2024-09-20 (from [[meetings/2024/2024-09-02-iesalc-monthly-call|2024-09-02 IESALC monthly call]])
> - Book the workshop room [[Francesc Pedro]] due:2024-11-15 (from [[meetings/2024/2024-10-07-iesalc-monthly-call|2024-10-07 IESALC monthly call]])
> - Draft the workshop programme [[Hana Home]] (from [[meetings/2024/2024-11-04-iesalc-monthly-call|2024-11-04 IESALC monthly call]])
>
> ### Open actions
>
> - Send the MoU draft [[Francesc Pedro]] (from [[meetings/2024/2024-10-15-iesalc-bilateral|2024-10-15 Bilateral with IESALC]])
>
> ### Last met UNESCO-IESALC and Francesc Pedro on 2024-11-04: [[meetings/2024/2024-11-04-iesalc-monthly-call|IESALC monthly call]]
>
> - Hold the workshop in January
>
>
> <!-- /kb:prep -->
>
> ## Summary
>
>
> ## Notes
>
>
> ## Decisions
>
>
> ## Actions
2> kb: next in 'IESALC monthly call' (monthly on the first Monday): 2024-12-02

# The carried list is no task, link or text of the new note: each action is counted once,
# where it lives, and the new meeting has none of its own.
$ kb --kb "$FIXTURES/series" add meeting --next-in "iesalc monthly call" >/dev/null 2>&1; kb --kb "$FIXTURES/series" actions --format ids; kb --kb "$FIXTURES/series" query --text "workshop programme" --format ids; KB_TODAY=2024-11-20 kb --kb "$FIXTURES/series" show "IESALC monthly call" --format json | jq -c '[.meetings[] | [.date, .open_actions, .planned]], (.open_actions | length)'
> meetings/2024/2024-09-02-iesalc-monthly-call:14
> meetings/2024/2024-10-07-iesalc-monthly-call:11
> meetings/2024/2024-10-15-iesalc-bilateral:8
> meetings/2024/2024-11-04-iesalc-monthly-call:17
> meetings/2024/2024-11-05-steering-committee:8
> meetings/2024/2024-11-04-iesalc-monthly-call
> [["2024-12-02",0,true],["2024-11-04",1,false],["2024-10-07",1,false],["2024-09-02",1,false]]
> 3

# Again, the next month; a day the series has a meeting on is refused.
$ kb --kb "$FIXTURES/series" add meeting --next-in "iesalc monthly call" >/dev/null 2>&1; kb --kb "$FIXTURES/series" add meeting --next-in "iesalc monthly call" && kb --kb "$FIXTURES/series" add meeting --next-in "iesalc monthly call" --date 2024-12-02
> $WORK/fixtures/series/meetings/2025/2025-01-06-iesalc-monthly-call.md
2> kb: next in 'IESALC monthly call' (monthly on the first Monday): 2025-01-06
2> kb: error: 'IESALC monthly call' has a meeting on 2024-12-02 already: meetings/2024/2024-12-02-iesalc-monthly-call.md; give --date for another day
? 1

# A date given wins, and so do other flags; a date in the last title becomes the new date.
$ kb --kb "$FIXTURES/series" add meeting --next-in "Steering committee" --date 2024-12-03 --location "Room 4" --dry-run
> ---
> type: meeting
> title: Steering committee 2024-12-03
> date: 2024-12-03
> location: Room 4
> organizations: [Home Office]
> series: Steering committee
> ---
> # Steering committee 2024-12-03
>
> <!-- kb:prep -->
> ## Before this meeting
>
> ### Carried over from Steering committee
>
> - Circulate the minutes [[Hana Home]] (from [[meetings/2024/2024-11-05-steering-committee|2024-11-05 Steering committee 2024-11-05]])
>
>
> <!-- /kb:prep -->
>
> ## Summary
>
>
> ## Notes
>
>
> ## Decisions
>
>
> ## Actions
2> kb: would write meetings/2024/2024-12-03-steering-committee-2024-12-03.md

# No rhythm: the date must be given (exit 2).
$ kb --kb "$FIXTURES/series" add meeting --next-in "Steering committee"
2> kb: error: the meetings of 'Steering committee' keep no regular rhythm; give --date
? 2

# --series writes the field without taking anything from the series (the first of a new one).
$ kb --kb "$FIXTURES/series" add meeting --title "Board" --date 2024-12-01 --series "Board meetings" --dry-run
> ---
> type: meeting
> title: Board
> date: 2024-12-01
> series: Board meetings
> ---
> # Board
>
>
> ## Summary
>
>
> ## Notes
>
>
> ## Decisions
>
>
> ## Actions
2> kb: would write meetings/2024/2024-12-01-board.md

