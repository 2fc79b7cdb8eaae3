# kb today (issue 26): the fixture month's kb.yaml has home: Home Office and me: Hana Home;
# 2025-03-05 is a Wednesday with a meeting that afternoon and one the next morning.
$ kb --kb "$FIXTURES/month" today --today 2025-03-05
> Today  Wed 5 March 2025 and tomorrow
>
> Meetings (2)
>   2025-03-05 15:00  Follow-up with Partner Institute  meetings/2025/2025-03-05-follow-up
>       last met 2025-02-03: Kick-off with Partner Institute
>       open: [ ] Hana Home sends the concept note to Pat Partner  meetings/2025/2025-02-03-kick-off:15
>       open: [ ] Pat Partner shares the list of pilot schools  meetings/2025/2025-02-03-kick-off:16
>   2025-03-06 09:30  Call with the Ministry  meetings/2025/2025-03-06-ministry-call
>       last met 2025-02-24: Ministry briefing
>       open: [ ] Carla Changer shares the budget  meetings/2025/2025-02-10-agency-call:11
>       open: [ ] Hana Home replies on the budget  meetings/2025/2025-02-10-agency-call:12
>       open: [ ] Hana Home drafts the note to the minister  meetings/2025/2025-02-24-ministry:15
>
> My overdue actions (2)
>   2025-02-20  [ ] Hana Home sends the concept note to Pat Partner  meetings/2025/2025-02-03-kick-off:15
>   2025-03-04  [ ] Hana Home checks the travel budget #confidential  meetings/2025/2025-03-03-team-sync:12
>
> Due by Sun 9 March 2025 (1)
>   2025-03-07  [ ] Hana Home replies on the budget  meetings/2025/2025-02-10-agency-call:12
>
> Waiting on me (2)
>   Carla Changer  2 actions since 2025-02-10
>   Pat Partner  1 action since 2025-02-03

# kb agenda is the same command; --days widens the window, --owner picks whose actions.
$ kb --kb "$FIXTURES/month" agenda --today 2025-03-05 --days 1 --owner "Omar Office"
> Today  Wed 5 March 2025
>
> Meetings (1)
>   2025-03-05 15:00  Follow-up with Partner Institute  meetings/2025/2025-03-05-follow-up
>       last met 2025-02-03: Kick-off with Partner Institute
>       open: [ ] Hana Home sends the concept note to Pat Partner  meetings/2025/2025-02-03-kick-off:15
>       open: [ ] Pat Partner shares the list of pilot schools  meetings/2025/2025-02-03-kick-off:16
>
> Due by Sun 9 March 2025 (1)
>   2025-03-05  [ ] Omar Office books the room  meetings/2025/2025-03-03-team-sync:11

$ kb --kb "$FIXTURES/month" today --today 2025-03-05 --format json | jq -c '{meetings: [.meetings[].meeting.id], prep: [.meetings[].counterpart_open_actions | length], overdue: [.overdue[].text], due: [.due_this_week[].text], waiting: [.waiting_on_me[] | {person, n: (.actions | length)}]}'
> {"meetings":["meetings/2025/2025-03-05-follow-up","meetings/2025/2025-03-06-ministry-call"],"prep":[2,3],"overdue":["Hana Home sends the concept note to Pat Partner","Hana Home checks the travel budget #confidential"],"due":["Hana Home replies on the budget"],"waiting":[{"person":"Carla Changer","n":2},{"person":"Pat Partner","n":1}]}

# Without me: everyone's actions, and a note on how to get one's own.
$ grep -v '^me:' "$FIXTURES/month/kb.yaml" > k && mv k "$FIXTURES/month/kb.yaml" && kb --kb "$FIXTURES/month" today --today 2025-03-10 --days 1
> Today  Mon 10 March 2025
>
> Meetings (0)
>   none
>
> Overdue actions (5)
>   2025-02-20  [ ] Hana Home sends the concept note to Pat Partner  meetings/2025/2025-02-03-kick-off:15
>   2025-02-28  [ ] Carla Changer shares the budget  meetings/2025/2025-02-10-agency-call:11
>   2025-03-04  [ ] Hana Home checks the travel budget #confidential  meetings/2025/2025-03-03-team-sync:12
>   2025-03-05  [ ] Omar Office books the room  meetings/2025/2025-03-03-team-sync:11
>   2025-03-07  [ ] Hana Home replies on the budget  meetings/2025/2025-02-10-agency-call:12
>
> Due by Sun 16 March 2025 (2)
>   2025-03-10  [ ] Hana Home drafts the note to the minister  meetings/2025/2025-02-24-ministry:15
>   2025-03-14  [ ] Pat Partner shares the list of pilot schools  meetings/2025/2025-02-03-kick-off:16
2> kb: everyone's actions: set 'me:' in kb.yaml (or give --owner) for your own

$ kb --kb "$FIXTURES/month" today --days 0
2> kb: error: --days must be a whole number from 1 to 1000000000, not '0'
? 2

# me works wherever a person is asked for.
$ kb --kb "$FIXTURES/month" actions --owner me --format ids
> meetings/2025/2025-02-03-kick-off:15
> meetings/2025/2025-03-03-team-sync:12
> meetings/2025/2025-02-10-agency-call:12
> meetings/2025/2025-02-24-ministry:15

