# kb on a terminal (issue 27): tests/tools/pty_run.py gives kb a pseudo-terminal of a fixed
# size, so kb asks the terminal its width and height as it does for a user (no $COLUMNS).
# Tables fit the width: the id column goes first, then the widest text is cut with '…'.
$ python3 "$SRC/tests/tools/pty_run.py" 80x40 kb --kb "$RECORDS" query --explain --org IESALC
> DATE        TIME  TITLE                ORGANIZATIONS        WHY
> 2024-09-02        Bilateral meeting …  UNESCO-ICHEI, UNES…  organization 'UNESC…

$ python3 "$SRC/tests/tools/pty_run.py" 120x40 kb --kb "$RECORDS" query --explain --org IESALC
> DATE        TIME  TITLE                                 ORGANIZATIONS                WHY
> 2024-09-02        Bilateral meeting with UNESCO-IESALC  UNESCO-ICHEI, UNESCO-IESALC  organization 'UNESCO-IESALC'

# $COLUMNS, as a shell sets it, wins over the window size.
$ python3 "$SRC/tests/tools/pty_run.py" 120x40 sh -c 'COLUMNS=60 kb --kb "$RECORDS" list orgs'
> NAME             PARENT           MEETINGS  LAST MET    NEXT
> Division for P…  UNESCO Educati…  1         2024-09-05
> Future of Lear…  UNESCO Educati…  1         2024-09-04
> Global Partner…  UNESCO-ICHEI     3         2024-09-05
> Knowledge Prod…  UNESCO-ICHEI     3         2024-09-05
> Section for Hi…  UNESCO           1         2024-09-05
> UNESCO                            3         2024-09-05
> UNESCO Educati…  UNESCO           2         2024-09-05
> UNESCO Global …  Future of Lear…  0
> UNESCO-ICHEI                      3         2024-09-05
> UNESCO-IESALC    UNESCO           1         2024-09-02
> Unit for Techn…  Future of Lear…  1         2024-09-04

$ python3 "$SRC/tests/tools/pty_run.py" 80x40 kb --kb "$FIXTURES/weekly" actions --all --today 2025-01-06
> DUE         DONE        OWNER        ACTION
> 2024-12-20              Hana Home    Send the platform demo Hana Home
> 2025-01-03  2025-01-07  Hana Home    Check the room Hana Home
> 2025-01-05              Hana Home    Book the next review Hana Home
> 2025-01-10              Pat Partner  Draft the 2025 budget Pat Partner
> 2025-01-20              Pat Partner  Approve the budget Pat Partner
>             2024-06-12  Olga Old     Share the contact list Olga Old
>                                      Circulate the minutes
>             2024-12-29  Hana Home    Send the agenda Hana Home

$ python3 "$SRC/tests/tools/pty_run.py" 120x40 kb --kb "$FIXTURES/weekly" actions --all --today 2025-01-06
> DUE         DONE        OWNER        ACTION                             MEETING                                    LINE
> 2024-12-20              Hana Home    Send the platform demo Hana Home   meetings/2024/2024-06-10-first-call        12
> 2025-01-03  2025-01-07  Hana Home    Check the room Hana Home           meetings/2024/2024-12-30-year-end-review   25
> 2025-01-05              Hana Home    Book the next review Hana Home     meetings/2024/2024-12-30-year-end-review   22
> 2025-01-10              Pat Partner  Draft the 2025 budget Pat Partner  meetings/2024/2024-12-30-year-end-review   21
> 2025-01-20              Pat Partner  Approve the budget Pat Partner     meetings/2025/2025-01-08-budget-follow-up  10
>             2024-06-12  Olga Old     Share the contact list Olga Old    meetings/2024/2024-06-10-first-call        13
>                                      Circulate the minutes              meetings/2024/2024-12-30-year-end-review   23
>             2024-12-29  Hana Home    Send the agenda Hana Home          meetings/2024/2024-12-30-year-end-review   24

$ python3 "$SRC/tests/tools/pty_run.py" 80x40 kb --kb "$RECORDS" related "Francesc Pedro"
> TYPE          NAME                STRENGTH  LAST MET    LAST MEETING        NEXT
> person        Arianna Valentini   1         2024-09-02  Bilateral meeting…
> organization  UNESCO-IESALC       1         2024-09-02  Bilateral meeting…
> topic         AI Competency Fra…  1         2024-09-02  Bilateral meeting…
> topic         Regional High-Lev…  1         2024-09-02  Bilateral meeting…
> topic         Transforming the …  1         2024-09-02  Bilateral meeting…

$ python3 "$SRC/tests/tools/pty_run.py" 80x40 kb --kb "$RECORDS" decisions --org IESALC
> DATE        DECISION
> 2024-09-02  Both sides reached a consensus on the upcoming project of the AI Co…

$ python3 "$SRC/tests/tools/pty_run.py" 80x40 kb --kb "$RECORDS" stale --today 2025-06-01
> NAME                TYPE          ORGANIZATION        LAST MET    DAYS  MEETINGS
> Borhene Chakroun    person        Division for Poli…  2024-09-05  269   1
> Division for Poli…  organization                      2024-09-05  269   1
> LIU Yufeng          person        Section for Highe…  2024-09-05  269   1
> Roy Saurabh         person        UNESCO              2024-09-05  269   1
> Section for Highe…  organization                      2024-09-05  269   1
> UNESCO              organization                      2024-09-05  269   3
> UNESCO Education …  organization                      2024-09-05  269   2
> Future of Learnin…  organization                      2024-09-04  270   1
> MIAO Fengchun       person        Unit for Technolo…  2024-09-04  270   1
> Sobhi Tawil         person        Future of Learnin…  2024-09-04  270   1
> Unit for Technolo…  organization                      2024-09-04  270   1
> Arianna Valentini   person        UNESCO-IESALC       2024-09-02  272   1
> Francesc Pedro      person        UNESCO-IESALC       2024-09-02  272   1
> UNESCO-IESALC       organization                      2024-09-02  272   1

# Piped output is never cut, whatever $COLUMNS says.
$ COLUMNS=40 kb --kb "$RECORDS" list orgs | head -3
> NAME                                                 PARENT                                  MEETINGS  LAST MET    NEXT  ID
> Division for Policies and Lifelong Learning Systems  UNESCO Education Sector                 1         2024-09-05        orgs/division-for-policies-and-lifelong-learning-systems
> Future of Learning and Innovation Team               UNESCO Education Sector                 1         2024-09-04        orgs/future-of-learning-and-innovation-team

# Colour on a terminal: overdue dates red, done and cancelled actions dim; none with
# NO_COLOR (which the transcripts set), --color never, or a pipe.
$ env -u NO_COLOR python3 "$SRC/tests/tools/pty_run.py" 120x40 kb --kb "$FIXTURES/weekly" actions --all --today 2025-01-06 | cat -v
> ^[[1mDUE         DONE        OWNER        ACTION                             MEETING                                    LINE^[[0m
> ^[[31m2024-12-20^[[0m              Hana Home    Send the platform demo Hana Home   meetings/2024/2024-06-10-first-call        12
> ^[[2m2025-01-03^[[0m  ^[[2m2025-01-07^[[0m  ^[[2mHana Home^[[0m    ^[[2mCheck the room Hana Home^[[0m           ^[[2mmeetings/2024/2024-12-30-year-end-review^[[0m   ^[[2m25^[[0m
> ^[[31m2025-01-05^[[0m              Hana Home    Book the next review Hana Home     meetings/2024/2024-12-30-year-end-review   22
> 2025-01-10              Pat Partner  Draft the 2025 budget Pat Partner  meetings/2024/2024-12-30-year-end-review   21
> 2025-01-20              Pat Partner  Approve the budget Pat Partner     meetings/2025/2025-01-08-budget-follow-up  10
>             ^[[2m2024-06-12^[[0m  ^[[2mOlga Old^[[0m     ^[[2mShare the contact list Olga Old^[[0m    ^[[2mmeetings/2024/2024-06-10-first-call^[[0m        ^[[2m13^[[0m
>                                      Circulate the minutes              meetings/2024/2024-12-30-year-end-review   23
>             ^[[2m2024-12-29^[[0m  ^[[2mHana Home^[[0m    ^[[2mSend the agenda Hana Home^[[0m          ^[[2mmeetings/2024/2024-12-30-year-end-review^[[0m   ^[[2m24^[[0m

$ python3 "$SRC/tests/tools/pty_run.py" 120x40 kb --kb "$FIXTURES/weekly" actions --all --today 2025-01-06 | cat -v
> DUE         DONE        OWNER        ACTION                             MEETING                                    LINE
> 2024-12-20              Hana Home    Send the platform demo Hana Home   meetings/2024/2024-06-10-first-call        12
> 2025-01-03  2025-01-07  Hana Home    Check the room Hana Home           meetings/2024/2024-12-30-year-end-review   25
> 2025-01-05              Hana Home    Book the next review Hana Home     meetings/2024/2024-12-30-year-end-review   22
> 2025-01-10              Pat Partner  Draft the 2025 budget Pat Partner  meetings/2024/2024-12-30-year-end-review   21
> 2025-01-20              Pat Partner  Approve the budget Pat Partner     meetings/2025/2025-01-08-budget-follow-up  10
>             2024-06-12  Olga Old     Share the contact list Olga Old    meetings/2024/2024-06-10-first-call        13
>                                      Circulate the minutes              meetings/2024/2024-12-30-year-end-review   23
>             2024-12-29  Hana Home    Send the agenda Hana Home          meetings/2024/2024-12-30-year-end-review   24

$ env -u NO_COLOR python3 "$SRC/tests/tools/pty_run.py" 120x40 kb --kb "$FIXTURES/weekly" today --today 2025-01-06 | cat -v
> ^[[1mToday^[[0m  Mon 6 January 2025 and tomorrow
>
> ^[[1mMeetings (0)^[[0m
>   none
>
> ^[[1mOverdue actions (2)^[[0m
>   ^[[31m2024-12-20^[[0m  [ ] Send the platform demo Hana Home  meetings/2024/2024-06-10-first-call:12
>   ^[[31m2025-01-05^[[0m  [ ] Book the next review Hana Home  meetings/2024/2024-12-30-year-end-review:22
>
> ^[[1mDue by Sun 12 January 2025 (1)^[[0m
>   2025-01-10  [ ] Draft the 2025 budget Pat Partner  meetings/2024/2024-12-30-year-end-review:21
2> kb: everyone's actions: set 'me:' in kb.yaml (or give --owner) for your own

$ kb --kb "$FIXTURES/weekly" --color never actions --today 2025-01-06 | cat -v
> DUE         DONE  OWNER        ACTION                             MEETING                                    LINE
> 2024-12-20        Hana Home    Send the platform demo Hana Home   meetings/2024/2024-06-10-first-call        12
> 2025-01-05        Hana Home    Book the next review Hana Home     meetings/2024/2024-12-30-year-end-review   22
> 2025-01-10        Pat Partner  Draft the 2025 budget Pat Partner  meetings/2024/2024-12-30-year-end-review   21
> 2025-01-20        Pat Partner  Approve the budget Pat Partner     meetings/2025/2025-01-08-budget-follow-up  10
>                                Circulate the minutes              meetings/2024/2024-12-30-year-end-review   23

# Long output (more lines than the window) goes through $KB_PAGER, else $PAGER, else less -FRX.
$ KB_PAGER='sed "s/^/paged: /"' python3 "$SRC/tests/tools/pty_run.py" 100x8 kb --kb "$RECORDS" list people | head -3
> paged: NAME               ORGANIZATION                                         MEETINGS  LAST MET    NEXT
> paged: Arianna Valentini  UNESCO-IESALC                                        1         2024-09-02
> paged: BI Xiaohan         UNESCO-ICHEI                                         3         2024-09-05

$ PAGER='sed "s/^/PAGER: /"' python3 "$SRC/tests/tools/pty_run.py" 100x8 kb --kb "$RECORDS" list people | head -2
> PAGER: NAME               ORGANIZATION                                         MEETINGS  LAST MET    NEXT
> PAGER: Arianna Valentini  UNESCO-IESALC                                        1         2024-09-02

$ mkdir bin && printf '#!/bin/sh\necho "less $* LESS=$LESS"\nexec cat >/dev/null\n' > bin/less && chmod +x bin/less && PATH="$PWD/bin:$PATH" python3 "$SRC/tests/tools/pty_run.py" 100x8 kb --kb "$RECORDS" list people
> less -FRX LESS=FRX

# Output that fits the window is not paged; nor with --no-pager, KB_PAGER=cat, or a pipe.
$ KB_PAGER='sed "s/^/paged: /"' python3 "$SRC/tests/tools/pty_run.py" 100x40 kb --kb "$RECORDS" list orgs | head -2
> NAME                                 PARENT                               MEETINGS  LAST MET    NEXT
> Division for Policies and Lifelong…  UNESCO Education Sector              1         2024-09-05

$ KB_PAGER='sed "s/^/paged: /"' python3 "$SRC/tests/tools/pty_run.py" 100x8 kb --kb "$RECORDS" --no-pager list people | head -2
> NAME               ORGANIZATION                                         MEETINGS  LAST MET    NEXT
> Arianna Valentini  UNESCO-IESALC                                        1         2024-09-02

$ KB_PAGER=cat python3 "$SRC/tests/tools/pty_run.py" 100x8 kb --kb "$RECORDS" list people | head -2
> NAME               ORGANIZATION                                         MEETINGS  LAST MET    NEXT
> Arianna Valentini  UNESCO-IESALC                                        1         2024-09-02

$ KB_PAGER='sed "s/^/paged: /"' kb --kb "$RECORDS" list people | head -2
> NAME               ORGANIZATION                                         MEETINGS  LAST MET    NEXT  ID
> Arianna Valentini  UNESCO-IESALC                                        1         2024-09-02        people/arianna-valentini

# A pager that cannot be run leaves the output on the terminal, with a warning.
$ KB_PAGER='no-such-pager -R' python3 "$SRC/tests/tools/pty_run.py" 100x8 kb --kb "$RECORDS" list people | head -2
> NAME               ORGANIZATION                                         MEETINGS  LAST MET    NEXT
> Arianna Valentini  UNESCO-IESALC                                        1         2024-09-02
2> kb: warning: cannot run the pager 'no-such-pager -R'; set KB_PAGER or use --no-pager

# A pager quit before the end (here after two lines) is no error.
$ KB_PAGER='head -2' python3 "$SRC/tests/tools/pty_run.py" 100x8 kb --kb "$RECORDS" list people
> NAME               ORGANIZATION                                         MEETINGS  LAST MET    NEXT
> Arianna Valentini  UNESCO-IESALC                                        1         2024-09-02

# Every listing fits 80 columns on a terminal and is never cut when piped.
$ python3 "$SRC/tests/tools/pty_run.py" 80x40 kb --kb "$RECORDS" list people --org UNESCO-ICHEI
> NAME             ORGANIZATION                         MEETINGS  LAST MET    NEXT
> BI Xiaohan       UNESCO-ICHEI                         3         2024-09-05
> JIAO Yanwen      Global Partnership and Programme O…  3         2024-09-05
> LIANG Jiansheng  UNESCO-ICHEI                         3         2024-09-05
> SU Rui           Knowledge Production and Communica…  3         2024-09-05

$ python3 "$SRC/tests/tools/pty_run.py" 120x40 kb --kb "$RECORDS" list people --org UNESCO-ICHEI
> NAME             ORGANIZATION                                    MEETINGS  LAST MET    NEXT  ID
> BI Xiaohan       UNESCO-ICHEI                                    3         2024-09-05        people/bi-xiaohan
> JIAO Yanwen      Global Partnership and Programme Office         3         2024-09-05        people/jiao-yanwen
> LIANG Jiansheng  UNESCO-ICHEI                                    3         2024-09-05        people/liang-jiansheng
> SU Rui           Knowledge Production and Communications Centre  3         2024-09-05        people/su-rui

$ python3 "$SRC/tests/tools/pty_run.py" 80x40 kb --kb "$RECORDS" search framework --limit 3
> topic        AI Competency Framework for Higher Education
>     AI competency «framework» AI competency «framework» in higher education ai …
> meeting      Bilateral meeting with UNESCO-IESALC  2024-09-02
>     …Both sides discussed in depth the upcoming AI competency «framework» proje…
> meeting      Meeting with the Future of Learning and Innovation Tea…  2024-09-04
>     …AI Competency «Framework» for Higher Education|AI competency «framework»]]…

$ python3 "$SRC/tests/tools/pty_run.py" 80x40 kb --kb "$RECORDS" path "Sobhi Tawil" "LIU Yufeng" --via-home
> STEP  LINK      TYPE     NAME                                         DATE
> 0               person   Sobhi Tawil
> 1     attended  meeting  Meeting with the Future of Learning and In…  2024-09-04
> 2     attended  person   BI Xiaohan
> 3     attended  meeting  Bilateral meeting with the Division for Po…  2024-09-05
> 4     attended  person   LIU Yufeng

$ python3 "$SRC/tests/tools/pty_run.py" 120x40 kb --kb "$RECORDS" related "Francesc Pedro"
> TYPE          NAME                                      STRENGTH  LAST MET    LAST MEETING                          NEXT
> person        Arianna Valentini                         1         2024-09-02  Bilateral meeting with UNESCO-IESALC
> organization  UNESCO-IESALC                             1         2024-09-02  Bilateral meeting with UNESCO-IESALC
> topic         AI Competency Framework for Higher Educ…  1         2024-09-02  Bilateral meeting with UNESCO-IESALC
> topic         Regional High-Level Policy Dialogue       1         2024-09-02  Bilateral meeting with UNESCO-IESALC
> topic         Transforming the Digital Landscape of H…  1         2024-09-02  Bilateral meeting with UNESCO-IESALC

$ python3 "$SRC/tests/tools/pty_run.py" 120x40 kb --kb "$RECORDS" decisions --org IESALC
> DATE        DECISION
> 2024-09-02  Both sides reached a consensus on the upcoming project of the AI Competency Framework for Higher Education …

$ for cmd in "query --explain --org IESALC" "list orgs" "actions --all" "decisions" "related IESALC" "stale --today 2025-06-01"; do COLUMNS=40 kb --kb "$RECORDS" $cmd | awk -v c="$cmd" 'length($0) > w { w = length($0) } END { print c ": " (w > 40 ? "whole" : "cut") }'; done
> query --explain --org IESALC: whole
> list orgs: whole
> actions --all: whole
> decisions: whole
> related IESALC: whole
> stale --today 2025-06-01: whole

