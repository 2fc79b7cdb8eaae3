# kb actions and kb decisions.
$ kb --kb "$FIXTURES/weekly" actions
> DUE         DONE  OWNER        ACTION                             MEETING                                    LINE
> 2024-12-20        Hana Home    Send the platform demo Hana Home   meetings/2024/2024-06-10-first-call        12
> 2025-01-05        Hana Home    Book the next review Hana Home     meetings/2024/2024-12-30-year-end-review   22
> 2025-01-10        Pat Partner  Draft the 2025 budget Pat Partner  meetings/2024/2024-12-30-year-end-review   21
> 2025-01-20        Pat Partner  Approve the budget Pat Partner     meetings/2025/2025-01-08-budget-follow-up  10
>                                Circulate the minutes              meetings/2024/2024-12-30-year-end-review   23

$ kb --kb "$FIXTURES/weekly" actions --done
> DUE         DONE        OWNER      ACTION                           MEETING                                   LINE
> 2025-01-03  2025-01-07  Hana Home  Check the room Hana Home         meetings/2024/2024-12-30-year-end-review  25
>             2024-06-12  Olga Old   Share the contact list Olga Old  meetings/2024/2024-06-10-first-call       13
>             2024-12-29  Hana Home  Send the agenda Hana Home        meetings/2024/2024-12-30-year-end-review  24

$ kb --kb "$FIXTURES/weekly" actions --all --format json
> [
>   {
>     "cancelled": false,
>     "done": false,
>     "done_on": null,
>     "due": "2024-12-20",
>     "line": 12,
>     "markdown": "Send the platform demo [[Hana Home]] due:2024-12-20",
>     "meeting": "meetings/2024/2024-06-10-first-call",
>     "note": "meetings/2024/2024-06-10-first-call",
>     "owner": "Hana Home",
>     "text": "Send the platform demo Hana Home"
>   },
>   {
>     "cancelled": false,
>     "done": true,
>     "done_on": "2025-01-07",
>     "due": "2025-01-03",
>     "line": 25,
>     "markdown": "Check the room [[Hana Home]] due:2025-01-03 ✅ 2025-01-07",
>     "meeting": "meetings/2024/2024-12-30-year-end-review",
>     "note": "meetings/2024/2024-12-30-year-end-review",
>     "owner": "Hana Home",
>     "text": "Check the room Hana Home"
>   },
>   {
>     "cancelled": false,
>     "done": false,
>     "done_on": null,
>     "due": "2025-01-05",
>     "line": 22,
>     "markdown": "Book the next review [[Hana Home]] due:2025-01-05",
>     "meeting": "meetings/2024/2024-12-30-year-end-review",
>     "note": "meetings/2024/2024-12-30-year-end-review",
>     "owner": "Hana Home",
>     "text": "Book the next review Hana Home"
>   },
>   {
>     "cancelled": false,
>     "done": false,
>     "done_on": null,
>     "due": "2025-01-10",
>     "line": 21,
>     "markdown": "Draft the 2025 budget [[Pat Partner]] due:2025-01-10",
>     "meeting": "meetings/2024/2024-12-30-year-end-review",
>     "note": "meetings/2024/2024-12-30-year-end-review",
>     "owner": "Pat Partner",
>     "text": "Draft the 2025 budget Pat Partner"
>   },
>   {
>     "cancelled": false,
>     "done": false,
>     "done_on": null,
>     "due": "2025-01-20",
>     "line": 10,
>     "markdown": "Approve the budget [[Pat Partner]] 📅 2025-01-20",
>     "meeting": "meetings/2025/2025-01-08-budget-follow-up",
>     "note": "meetings/2025/2025-01-08-budget-follow-up",
>     "owner": "Pat Partner",
>     "text": "Approve the budget Pat Partner"
>   },
>   {
>     "cancelled": false,
>     "done": true,
>     "done_on": "2024-06-12",
>     "due": null,
>     "line": 13,
>     "markdown": "Share the contact list [[Olga Old]] ✅ 2024-06-12",
>     "meeting": "meetings/2024/2024-06-10-first-call",
>     "note": "meetings/2024/2024-06-10-first-call",
>     "owner": "Olga Old",
>     "text": "Share the contact list Olga Old"
>   },
>   {
>     "cancelled": false,
>     "done": false,
>     "done_on": null,
>     "due": null,
>     "line": 23,
>     "markdown": "Circulate the minutes",
>     "meeting": "meetings/2024/2024-12-30-year-end-review",
>     "note": "meetings/2024/2024-12-30-year-end-review",
>     "owner": null,
>     "text": "Circulate the minutes"
>   },
>   {
>     "cancelled": false,
>     "done": true,
>     "done_on": "2024-12-29",
>     "due": null,
>     "line": 24,
>     "markdown": "Send the agenda [[Hana Home]] ✅ 2024-12-29",
>     "meeting": "meetings/2024/2024-12-30-year-end-review",
>     "note": "meetings/2024/2024-12-30-year-end-review",
>     "owner": "Hana Home",
>     "text": "Send the agenda Hana Home"
>   }
> ]

$ kb --kb "$FIXTURES/weekly" actions --overdue --today 2025-01-06
> DUE         DONE  OWNER      ACTION                            MEETING                                   LINE
> 2024-12-20        Hana Home  Send the platform demo Hana Home  meetings/2024/2024-06-10-first-call       12
> 2025-01-05        Hana Home  Book the next review Hana Home    meetings/2024/2024-12-30-year-end-review  22

$ kb --kb "$FIXTURES/weekly" actions --owner "Pat Partner" --due-before 2025-01-15
> DUE         DONE  OWNER        ACTION                             MEETING                                   LINE
> 2025-01-10        Pat Partner  Draft the 2025 budget Pat Partner  meetings/2024/2024-12-30-year-end-review  21

$ kb --kb "$FIXTURES/weekly" actions --org PI --format ids
> meetings/2024/2024-06-10-first-call:12
> meetings/2024/2024-12-30-year-end-review:22
> meetings/2024/2024-12-30-year-end-review:21
> meetings/2025/2025-01-08-budget-follow-up:10
> meetings/2024/2024-12-30-year-end-review:23

$ kb --kb "$RECORDS" actions --org IESALC
> DUE  DONE  OWNER  ACTION                                                                                                                                                                                                                                                            MEETING                                 LINE
>                   Organize a series of workshops around the formal release of the report Transforming the Digital Landscape of Higher Education in Latin America and the Caribbean (suggested by Francesc Pedro)                                                                    meetings/2024/2024-09-02-unesco-iesalc  45
>                   Convene a joint high-level policy dialogue in the future (suggested by Francesc Pedro)                                                                                                                                                                            meetings/2024/2024-09-02-unesco-iesalc  46
>                   Under the framework of UNESCO headquarters, identify suitable timing and institutions across regions and connect local experts for the construction and consultation of a regional AI competency framework (a hope both sides expressed for "the three parties")  meetings/2024/2024-09-02-unesco-iesalc  47

$ kb --kb "$FIXTURES/weekly" actions --open --done
2> kb: error: give only one of --open, --done and --all
? 2

$ kb --kb "$FIXTURES/weekly" actions --today 2025-13-01
2> kb: error: invalid date '2025-13-01' for --today (expected YYYY-MM-DD, today, yesterday, tomorrow, -7d, +2w, last monday, next friday)
? 2

$ kb --kb "$FIXTURES/weekly" actions --owner Nobody
2> kb: error: unknown person 'Nobody'
? 1

$ kb --kb "$RECORDS" decisions --org UNESCO
> DATE        DECISION                                                                                                                                                                                                                 MEETING
> 2024-09-02  Both sides reached a consensus on the upcoming project of the AI Competency Framework for Higher Education with UNESCO headquarters.                                                                                     meetings/2024/2024-09-02-unesco-iesalc
> 2024-09-04  Future of Learning and Innovation Team and UNESCO-ICHEI to combine efforts on higher education research and on constructing the higher education competency framework and related training (as proposed by Sobhi Tawil)  meetings/2024/2024-09-04-future-of-learning-and-innovation-team
> 2024-09-05  Borhene Chakroun stated his intent to incorporate the IIOE Micro-Certification Project and the IIOE platform into UNESCO's teacher development resource library (a stated intent; the text records no joint agreement)   meetings/2024/2024-09-05-division-for-policies-and-lifelong-learning-systems

$ kb --kb "$RECORDS" decisions --topic "AI Competency Framework for Higher Education" --since 2024-09-03 --format json
> [
>   {
>     "date": "2024-09-04",
>     "line": 41,
>     "markdown": "[[Future of Learning and Innovation Team]] and [[UNESCO-ICHEI]] to combine efforts on [[higher education research]] and on constructing the higher education competency framework and related training (as proposed by [[Sobhi Tawil]])",
>     "meeting": "meetings/2024/2024-09-04-future-of-learning-and-innovation-team",
>     "text": "Future of Learning and Innovation Team and UNESCO-ICHEI to combine efforts on higher education research and on constructing the higher education competency framework and related training (as proposed by Sobhi Tawil)",
>     "title": "Meeting with the Future of Learning and Innovation Team at UNESCO"
>   }
> ]

$ kb --kb "$FIXTURES/weekly" stale --today 2025-06-01
> NAME               TYPE          ORGANIZATION       LAST MET    DAYS  MEETINGS  ID
> Partner Institute  organization                     2025-01-08  144   4         orgs/partner-institute
> Pat Partner        person        Partner Institute  2025-01-08  144   2         people/pat-partner
> Agency & Co        organization                     2025-01-02  150   1         orgs/agency
> Ana Agency         person                           2025-01-02  150   1         people/ana-agency
> Olga Old           person        Partner Institute  2025-01-02  150   2         people/olga-old
> Walk-in Guest      person                           2025-01-02  150   1         (no record)

$ kb --kb "$FIXTURES/weekly" stale --today 2024-12-01 --days 30 --org PI
2> kb: nobody has gone 30 days without a meeting

$ kb --kb "$RECORDS" stale --today 2024-09-10
2> kb: nobody has gone 90 days without a meeting

# A cancelled item (`- [-]`, as Obsidian Tasks writes it) is not open and not overdue; --all shows it.
$ mkdir -p c/meetings && printf -- '---\ntitle: C\ndate: 2024-09-02\n---\n## Actions\n- [-] Drop the survey due:2024-09-05\n- [ ] Send the notes due:2024-09-06\n' > c/meetings/c.md && kb --kb c actions --overdue --today 2024-10-01 --format ids && kb --kb c actions --all
> meetings/c:7
> DUE         DONE       OWNER  ACTION           MEETING     LINE
> 2024-09-05  cancelled         Drop the survey  meetings/c  6
> 2024-09-06                    Send the notes   meetings/c  7

