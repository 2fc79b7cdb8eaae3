# Dates as people say them, in every date option; KB_TODAY fixes the day kb takes as today.
$ KB_TODAY=2024-09-06 kb --kb "$RECORDS" query --since "last monday" --format ids
> meetings/2024/2024-09-02-unesco-iesalc
> meetings/2024/2024-09-04-future-of-learning-and-innovation-team
> meetings/2024/2024-09-05-division-for-policies-and-lifelong-learning-systems

$ KB_TODAY=2024-09-06 kb --kb "$RECORDS" query --since yesterday --until today --format ids
> meetings/2024/2024-09-05-division-for-policies-and-lifelong-learning-systems

$ KB_TODAY=2024-09-09 kb --kb "$RECORDS" query --week "last week" --format ids
> meetings/2024/2024-09-02-unesco-iesalc
> meetings/2024/2024-09-04-future-of-learning-and-innovation-team
> meetings/2024/2024-09-05-division-for-policies-and-lifelong-learning-systems

$ KB_TODAY=2024-09-13 kb --kb "$RECORDS" query --since -10d --until "last thursday" --format ids
> meetings/2024/2024-09-04-future-of-learning-and-innovation-team
> meetings/2024/2024-09-05-division-for-policies-and-lifelong-learning-systems

$ KB_TODAY=2024-09-04 kb --kb "$RECORDS" report weekly --week "this week" | head -1
> # Weekly briefing 2024-W36: Mon 2 September 2024 to Sun 8 September 2024

$ KB_TODAY=2024-09-01 kb --kb "$RECORDS" decisions --since tomorrow --until +1w --format ids
> meetings/2024/2024-09-02-unesco-iesalc:42
> meetings/2024/2024-09-04-future-of-learning-and-innovation-team:41
> meetings/2024/2024-09-05-division-for-policies-and-lifelong-learning-systems:37

# A date kb writes is the day meant, in YYYY-MM-DD.
$ KB_TODAY=2024-09-06 kb --kb "$FIXTURES/write" add meeting --title "Follow-up call" --date "next tuesday" && cat "$FIXTURES"/write/meetings/2024/2024-09-10-follow-up-call.md | head -4
> $WORK/fixtures/write/meetings/2024/2024-09-10-follow-up-call.md
> ---
> type: meeting
> title: Follow-up call
> date: 2024-09-10

# --since after --until, and a phrase kb does not read, are usage errors.
$ kb --kb "$RECORDS" query --since 2024-09-10 --until 2024-09-01
2> kb: error: --since 2024-09-10 is after --until 2024-09-01
? 2

$ kb --kb "$RECORDS" query --since "the day after"
2> kb: error: invalid date 'the day after' for --since (expected YYYY-MM-DD, today, yesterday, tomorrow, -7d, +2w, last monday, next friday)
? 2

$ kb --kb "$RECORDS" query --week "some week"
2> kb: error: invalid week 'some week' (expected YYYY-Www as 2024-W36, this week, last week, next week, or a date)
? 2

