# kb import ics: a meeting note per calendar event, from an Outlook-style and a Google-style
# export (tests/fixtures/ics/). KB_TODAY fixes the default window (30 days back, 90 ahead).
# The help fits in 80 columns.
$ { kb import --help; kb import ics --help; } | awk 'length > 80 { print "too wide: " $0 }'; kb import ics --help
> too wide:   --kb DIR                  the KB folder (else $KB_DIR, a kb.yaml here or above)
> too wide:   --kb DIR                  the KB folder (else $KB_DIR, a kb.yaml here or above)
> A meeting note per event of an iCalendar file
> Usage: kb import ics [OPTIONS] file
>
> Positionals:
>   file FILE REQUIRED        The .ics file, or - for stdin
>
> Options:
>   -h,--help                 Print this help message and exit
>   --since DATE              Events from this DATE (default: 30 days ago)
>   --until DATE              Events up to this DATE (default: in 90 days)
>   --create-missing          Write a person note for each unknown attendee
>   --dry-run                 Print what would be done; write nothing
>
> An event is known again by its UID (kept as 'uid:' in the note): a second import
> skips it, or updates its date, time, end, time zone and location in place.
> Recurring events are expanded within --since/--until. See docs/calendar.md.
>
> Global options (before or after the command):
>   --kb DIR                  the KB folder (else $KB_DIR, a kb.yaml here or above)
>   --color WHEN, -q, -v      colour (auto, always, never); quiet; verbose
>   --no-cache, --no-pager    read every note afresh; print without a pager
>
> Examples:
>   kb import ics calendar.ics --since 2024-09-01 --dry-run

# Outlook: Windows TZIDs with VTIMEZONE, a custom zone converted into the KB's, an all-day
# event, a weekly series with an EXDATE, `Last, First` names, a room left out. A dry run first
# writes nothing.
$ export KB_TODAY=2024-09-01; kb --kb "$FIXTURES/calendar" import ics "$FIXTURES/ics/outlook.ics" --dry-run && ls "$FIXTURES/calendar"
> would create meetings/2024/2024-09-02-bilateral-with-iesalc.md  Bilateral with IESALC (2024-09-02 14:00 Europe/Paris)
> would create meetings/2024/2024-09-03-ichei-team-stand-up.md  ICHEI team stand-up (2024-09-03 09:30 Europe/Paris)
> would create meetings/2024/2024-09-05-digital-learning-week-closing-day.md  Digital Learning Week: closing day (2024-09-05)
> would create meetings/2024/2024-09-06-call-with-the-delhi-office.md  Call with the Delhi office (2024-09-06 12:00 Europe/Paris)
> would create meetings/2024/2024-09-10-ichei-team-stand-up.md  ICHEI team stand-up (2024-09-10 09:30 Europe/Paris)
> would create meetings/2024/2024-09-24-ichei-team-stand-up.md  ICHEI team stand-up (2024-09-24 09:30 Europe/Paris)
> would create meetings/2024/2024-10-01-ichei-team-stand-up.md  ICHEI team stand-up (2024-10-01 09:30 Europe/Paris)
> kb.yaml
> orgs
> people
2> kb: warning: unknown attendee 'Bo Chen' <bo.chen@example.org> (1 event); written as given (--create-missing writes a person note)
2> kb: dry run, nothing written: would create 7, update 0, unchanged 0

$ export KB_TODAY=2024-09-01; kb --kb "$FIXTURES/calendar" import ics "$FIXTURES/ics/outlook.ics" && cd "$FIXTURES/calendar/meetings/2024" && cat 2024-09-02-bilateral-with-iesalc.md 2024-09-10-ichei-team-stand-up.md 2024-09-05-digital-learning-week-closing-day.md && grep -A3 '^attendees' 2024-09-06-call-with-the-delhi-office.md
> created meetings/2024/2024-09-02-bilateral-with-iesalc.md  Bilateral with IESALC (2024-09-02 14:00 Europe/Paris)
> created meetings/2024/2024-09-03-ichei-team-stand-up.md  ICHEI team stand-up (2024-09-03 09:30 Europe/Paris)
> created meetings/2024/2024-09-05-digital-learning-week-closing-day.md  Digital Learning Week: closing day (2024-09-05)
> created meetings/2024/2024-09-06-call-with-the-delhi-office.md  Call with the Delhi office (2024-09-06 12:00 Europe/Paris)
> created meetings/2024/2024-09-10-ichei-team-stand-up.md  ICHEI team stand-up (2024-09-10 09:30 Europe/Paris)
> created meetings/2024/2024-09-24-ichei-team-stand-up.md  ICHEI team stand-up (2024-09-24 09:30 Europe/Paris)
> created meetings/2024/2024-10-01-ichei-team-stand-up.md  ICHEI team stand-up (2024-10-01 09:30 Europe/Paris)
> ---
> type: meeting
> title: Bilateral with IESALC
> date: 2024-09-02
> time: "14:00"
> end: "15:30"
> timezone: Europe/Paris
> location: "UNESCO HQ, Room XI"
> attendees:
>   - Arianna Valentini
>   - Francesc Pedro
>   - Bo Chen
> uid: "040000008200E00074C5B7101A82E00800000000B0A1C2D3E4F5DA01000000000000000010000000E1F2A3B4C5D6E7F8091A2B3C4D5E6F70"
> ---
> # Bilateral with IESALC
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
>
> ---
> type: meeting
> title: ICHEI team stand-up
> date: 2024-09-10
> time: "09:30"
> end: "10:00"
> timezone: Europe/Paris
> location: Microsoft Teams Meeting
> attendees:
>   - Arianna Valentini
> uid: "040000008200E00074C5B7101A82E00800000000C1D2E3F4A5B6DA01000000000000000010000000A0B1C2D3E4F5061728394A5B6C7D8E9F"
> recurrence-id: "2024-09-10T09:30"
> ---
> # ICHEI team stand-up
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
>
> ---
> type: meeting
> title: "Digital Learning Week: closing day"
> date: 2024-09-05
> uid: "040000008200E00074C5B7101A82E00800000000D2E3F4A5B6C7DA01000000000000000010000000B1C2D3E4F5061728394A5B6C7D8E9F0A"
> ---
> # Digital Learning Week: closing day
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
>
> attendees:
>   - Borhene Chakroun
> uid: "040000008200E00074C5B7101A82E00800000000E3F4A5B6C7D8DA01000000000000000010000000C1D2E3F4A5B6C7D8E9F0A1B2C3D4E5F6"
> ---
2> kb: warning: unknown attendee 'Bo Chen' <bo.chen@example.org> (1 event); written as given (--create-missing writes a person note)
2> kb: created 7, updated 0, unchanged 0

# Importing again writes nothing, and says so.
$ export KB_TODAY=2024-09-01; cd "$FIXTURES/calendar" && kb -q import ics "$FIXTURES/ics/outlook.ics" >/dev/null && sleep 1 && touch stamp && kb import ics "$FIXTURES/ics/outlook.ics" && find . -name '*.md' -newer stamp | wc -l
> 0
2> kb: nothing to import: 7 events already in the KB, unchanged

# Google: IANA TZIDs, UTC times into the KB's zone, a weekly series with an EXDATE and a moved
# occurrence (RECURRENCE-ID), a cancelled event, attendees matched by any of a person's
# e-mails or by an alias; --create-missing writes the unknown one as a person.
$ export KB_TODAY=2024-09-01; kb --kb "$FIXTURES/calendar" import ics - --create-missing < "$FIXTURES/ics/google.ics" && cd "$FIXTURES/calendar" && cat meetings/2024/2024-09-25-working-group-on-ai-competencies.md people/dana-okafor.md && kb query --person "Francesc Pedro" --format ids && kb check
> created people/dana-okafor.md  (person)
> created meetings/2024/2024-09-02-digital-learning-week-2024.md  Digital Learning Week 2024 (2024-09-02)
> created meetings/2024/2024-09-10-working-group-on-ai-competencies.md  Working group on AI competencies (2024-09-10 09:00 America/New_York)
> created meetings/2024/2024-09-11-lunch-with-iesalc.md  Lunch with IESALC (2024-09-11 12:30 Europe/Paris)
> created meetings/2024/2024-09-25-working-group-on-ai-competencies.md  Working group on AI competencies (2024-09-25 10:00 America/New_York)
> created meetings/2024/2024-10-01-working-group-on-ai-competencies.md  Working group on AI competencies (2024-10-01 09:00 America/New_York)
> ---
> type: meeting
> title: Working group on AI competencies
> date: 2024-09-25
> time: "10:00"
> end: "11:30"
> timezone: America/New_York
> location: "UN Headquarters, New York"
> attendees:
>   - Borhene Chakroun
>   - Dana Okafor
> uid: "4kq2v0c1a9b8d7e6f5g4h3i2j1@google.com"
> recurrence-id: "2024-09-24T09:00"
> ---
> # Working group on AI competencies
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
>
> ---
> type: person
> name: Dana Okafor
> email: "dana.okafor@example.net"
> ---
> # Dana Okafor
>
> ## Notes
>
> meetings/2024/2024-09-11-lunch-with-iesalc
2> kb: cancelled in the calendar, left out: Catch-up (cancelled) (2024-09-12 15:00 America/New_York)
2> kb: created 5, updated 0, unchanged 0
2> kb: 12 files checked: 0 errors, 0 warnings

# The calendar moves an event: its date, time, end and place are set in place, nothing else
# of the note changes (the notes written below the template are kept).
$ export KB_TODAY=2024-09-01; cd "$FIXTURES/calendar" && kb -q import ics "$FIXTURES/ics/google.ics" >/dev/null && printf '\nAgreed on the workshop.\n' >> meetings/2024/2024-09-11-lunch-with-iesalc.md && sed 's/20240911T103000Z/20240912T113000Z/; s/20240911T120000Z/20240912T130000Z/; s/Café de Flore/Les Deux Magots/' "$FIXTURES/ics/google.ics" > moved.ics && kb import ics moved.ics --dry-run && kb import ics moved.ics && cat meetings/2024/2024-09-11-lunch-with-iesalc.md && kb import ics moved.ics
> would update meetings/2024/2024-09-11-lunch-with-iesalc.md  date '2024-09-11' -> '2024-09-12', time '12:30' -> '13:30', end '14:00' -> '15:00', location 'Café de Flore, 172 Bd Saint-Germain, 75006 Paris, France' -> 'Les Deux Magots, 172 Bd Saint-Germain, 75006 Paris, France'
> updated meetings/2024/2024-09-11-lunch-with-iesalc.md  date '2024-09-11' -> '2024-09-12', time '12:30' -> '13:30', end '14:00' -> '15:00', location 'Café de Flore, 172 Bd Saint-Germain, 75006 Paris, France' -> 'Les Deux Magots, 172 Bd Saint-Germain, 75006 Paris, France'
> ---
> type: meeting
> title: Lunch with IESALC
> date: 2024-09-12
> time: "13:30"
> end: "15:00"
> timezone: Europe/Paris
> location: "Les Deux Magots, 172 Bd Saint-Germain, 75006 Paris, France"
> attendees:
>   - Arianna Valentini
>   - Francesc Pedro
> uid: "1a2b3c4d5e6f7g8h9i0j@google.com"
> ---
> # Lunch with IESALC
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
>
>
> Agreed on the workshop.
2> kb: cancelled in the calendar, left out: Catch-up (cancelled) (2024-09-12 15:00 America/New_York)
2> kb: dry run, nothing written: would create 0, update 1, unchanged 4
2> kb: cancelled in the calendar, left out: Catch-up (cancelled) (2024-09-12 15:00 America/New_York)
2> kb: created 0, updated 1, unchanged 4
2> kb: cancelled in the calendar, left out: Catch-up (cancelled) (2024-09-12 15:00 America/New_York)
2> kb: nothing to import: 5 events already in the KB, unchanged

# The end goes out again as DTEND, read by Python's icalendar.
$ export KB_TODAY=2024-09-01; cd "$FIXTURES/calendar" && kb -q import ics "$FIXTURES/ics/outlook.ics" >/dev/null && kb -q import ics "$FIXTURES/ics/google.ics" >/dev/null && SOURCE_DATE_EPOCH=1700000000 kb export ics c.ics && /usr/bin/python3 "$SRC/tests/tools/check_ics.py" c.ics
> ok: 159 lines, 12 events, 0 to-dos, time zones: America/New_York, Europe/Paris
> VEVENT meetings/2024/2024-09-02-digital-learning-week-2024@kb | 2024-09-02 | Digital Learning Week 2024 | UNESCO Headquarters, Paris
> VEVENT meetings/2024/2024-09-02-bilateral-with-iesalc@kb | 2024-09-02T14:00:00+02:00 | Bilateral with IESALC | UNESCO HQ, Room XI | ends 2024-09-02T15:30:00+02:00
> VEVENT meetings/2024/2024-09-03-ichei-team-stand-up@kb | 2024-09-03T09:30:00+02:00 | ICHEI team stand-up | Microsoft Teams Meeting | ends 2024-09-03T10:00:00+02:00
> VEVENT meetings/2024/2024-09-05-digital-learning-week-closing-day@kb | 2024-09-05 | Digital Learning Week: closing day | 
> VEVENT meetings/2024/2024-09-06-call-with-the-delhi-office@kb | 2024-09-06T12:00:00+02:00 | Call with the Delhi office | Online | ends 2024-09-06T13:00:00+02:00
> VEVENT meetings/2024/2024-09-10-working-group-on-ai-competencies@kb | 2024-09-10T09:00:00-04:00 | Working group on AI competencies |  | ends 2024-09-10T10:00:00-04:00
> VEVENT meetings/2024/2024-09-10-ichei-team-stand-up@kb | 2024-09-10T09:30:00+02:00 | ICHEI team stand-up | Microsoft Teams Meeting | ends 2024-09-10T10:00:00+02:00
> VEVENT meetings/2024/2024-09-11-lunch-with-iesalc@kb | 2024-09-11T12:30:00+02:00 | Lunch with IESALC | Café de Flore, 172 Bd Saint-Germain, 75006 Paris, France | ends 2024-09-11T14:00:00+02:00
> VEVENT meetings/2024/2024-09-24-ichei-team-stand-up@kb | 2024-09-24T09:30:00+02:00 | ICHEI team stand-up | Microsoft Teams Meeting | ends 2024-09-24T10:00:00+02:00
> VEVENT meetings/2024/2024-09-25-working-group-on-ai-competencies@kb | 2024-09-25T10:00:00-04:00 | Working group on AI competencies | UN Headquarters, New York | ends 2024-09-25T11:30:00-04:00
> VEVENT meetings/2024/2024-10-01-working-group-on-ai-competencies@kb | 2024-10-01T09:00:00-04:00 | Working group on AI competencies |  | ends 2024-10-01T10:00:00-04:00
> VEVENT meetings/2024/2024-10-01-ichei-team-stand-up@kb | 2024-10-01T09:30:00+02:00 | ICHEI team stand-up | Microsoft Teams Meeting | ends 2024-10-01T10:00:00+02:00

# kb show gives the meeting's end with its time.
$ export KB_TODAY=2024-09-01; kb -q --kb "$FIXTURES/calendar" import ics "$FIXTURES/ics/outlook.ics" >/dev/null && kb --kb "$FIXTURES/calendar" show "Bilateral with IESALC" | head -n 4
> Bilateral with IESALC  meeting · meetings/2024/2024-09-02-bilateral-with-iesalc
> Date: Mon 2 September 2024
> Time: 14:00–15:30 Europe/Paris
> Location: UNESCO HQ, Room XI

# The window: without --since/--until, 30 days back and 90 ahead; events outside are counted.
$ export KB_TODAY=2025-06-01; kb --kb "$FIXTURES/calendar" import ics "$FIXTURES/ics/google.ics"
2> kb: 4 events outside 2025-05-02..2025-08-30 left out (--since, --until)
2> kb: nothing to import

$ kb --kb "$FIXTURES/calendar" import ics "$FIXTURES/ics/google.ics" --since 2024-09-20 --until 2024-09-30 --dry-run
> would create meetings/2024/2024-09-25-working-group-on-ai-competencies.md  Working group on AI competencies (2024-09-25 10:00 America/New_York)
2> kb: warning: unknown attendee 'Dana Okafor' <dana.okafor@example.net> (1 event); written as given (--create-missing writes a person note)
2> kb: 3 events outside 2024-09-20..2024-09-30 left out (--since, --until)
2> kb: dry run, nothing written: would create 1, update 0, unchanged 0

$ kb --kb "$FIXTURES/calendar" import ics "$FIXTURES/ics/google.ics" --since 2024-10-01 --until 2024-09-01
2> kb: error: --since 2024-10-01 is after --until 2024-09-01
? 2

# Bad input: one clear error with the line, exit 1, nothing written.
$ kb --kb "$FIXTURES/calendar" import ics nowhere.ics
2> kb: error: cannot read 'nowhere.ics': no such file
? 1

$ kb --kb "$FIXTURES/calendar" import ics "$FIXTURES/ics"
2> kb: error: cannot read '$WORK/fixtures/ics': it is a folder (give the .ics file)
? 1

$ head -n 40 "$FIXTURES/ics/outlook.ics" > cut.ics && kb --kb "$FIXTURES/calendar" import ics cut.ics; echo "exit $?"; ls "$FIXTURES/calendar"
> exit 1
> kb.yaml
> orgs
> people
2> cut.ics:29: error: 'BEGIN:VEVENT' is never closed (the file is cut short?)

$ kb --kb "$FIXTURES/calendar" import ics "$FIXTURES/calendar/kb.yaml"
2> $WORK/fixtures/calendar/kb.yaml:1: error: not an iCalendar file (expected 'BEGIN:VCALENDAR' first)
? 1

