# kb export: the files are read by real clients. SOURCE_DATE_EPOCH pins DTSTAMP.
# iCalendar: a strict RFC 5545 check (CRLF, folding at 75 octets, required properties, a
# VTIMEZONE for every TZID) and a read by Python's icalendar, on the shipped records...
$ SOURCE_DATE_EPOCH=1700000000 kb --kb "$RECORDS" export ics r.ics && /usr/bin/python3 "$SRC/tests/tools/check_ics.py" r.ics
> ok: 110 lines, 3 events, 0 to-dos, time zones: none
> VEVENT meetings/2024/2024-09-02-unesco-iesalc@kb | 2024-09-02 | Bilateral meeting with UNESCO-IESALC | Paris, France
> VEVENT meetings/2024/2024-09-04-future-of-learning-and-innovation-team@kb | 2024-09-04 | Meeting with the Future of Learning and Innovation Team at UNESCO | Paris, France
> VEVENT meetings/2024/2024-09-05-division-for-policies-and-lifelong-learning-systems@kb | 2024-09-05 | Bilateral meeting with the Division for Policies and Lifelong Learning Systems | Paris, France

# ...and on the Obsidian vault: Europe/Paris from kb.yaml (14:00 is +02:00 in September),
# all-day meetings as dates, due actions as VTODOs with status and priority.
$ SOURCE_DATE_EPOCH=1700000000 kb --kb "$FIXTURES/vault" export ics > v.ics && /usr/bin/python3 "$SRC/tests/tools/check_ics.py" v.ics
> ok: 79 lines, 2 events, 3 to-dos, time zones: Europe/Paris
> VEVENT Meetings/2024-09-02%20Bilateral%20with%20IESALC@kb | 2024-09-02T14:00:00+02:00 | 2024-09-02 Bilateral with IESALC | Paris
> VEVENT Meetings/2024-09-10%20Workshop%20planning@kb | 2024-09-10T09:30:00+02:00 | 2024-09-10 Workshop planning | 
> VTODO Meetings/2024-09-02%20Bilateral%20with%20IESALC-L28@kb | due 2024-10-15 | NEEDS-ACTION | Send the draft agenda Arianna Valentini | priority 3
> VTODO Meetings/2024-09-10%20Workshop%20planning-L12@kb | due 2024-10-01 | NEEDS-ACTION | Circulate the invitation Francesc Pedro | priority 3
> VTODO Meetings/2024-09-10%20Workshop%20planning-L14@kb | due 2024-09-30 | NEEDS-ACTION | Draft the concept note | priority -

# The whole file for one meeting, as written (CRLF shown as $).
$ SOURCE_DATE_EPOCH=1700000000 kb --kb "$FIXTURES/vault" export ics | sed -n '/BEGIN:VEVENT/,/END:VEVENT/p' | head -n 20 | cat -A | sed 's/\^M\$$/$/'
> BEGIN:VEVENT$
> UID:Meetings/2024-09-02%20Bilateral%20with%20IESALC@kb$
> DTSTAMP:20231114T221320Z$
> DTSTART;TZID=Europe/Paris:20240902T140000$
> SUMMARY:2024-09-02 Bilateral with IESALC$
> LOCATION:Paris$
> DESCRIPTION:Agreed to co-host a workshop on the framework in 2025. #follow-$
>  up\n\nOrganizations:\n- UNESCO-IESALC\n- UNESCO-ICHEI\n\nAttendees:\n- Fra$
>  ncesc Pedro (UNESCO-IESALC\, Director)\n- Arianna Valentini (UNESCO-ICHEI)$
>  \n\nTopics:\n- AI Competency Framework\n\nDecisions:\n- Co-host the worksh$
>  op in Paris\n\nkb: Meetings/2024-09-02 Bilateral with IESALC$
> CATEGORIES:meetings,bilateral,follow-up$
> END:VEVENT$
> BEGIN:VEVENT$
> UID:Meetings/2024-09-10%20Workshop%20planning@kb$
> DTSTAMP:20231114T221320Z$
> DTSTART;TZID=Europe/Paris:20240910T093000$
> SUMMARY:2024-09-10 Workshop planning$
> DESCRIPTION:Planning call for the workshop\, following Francesc Pedro. #fol$
>  low-up #2024\n\nOrganizations:\n- UNESCO-IESALC\n\nAttendees:\n- Francesc $

# Zones east and west, southern, half-hour, 45-minute and negative-DST rules: each VTIMEZONE
# gives the meeting the offset the system's zoneinfo gives.
$ mkdir -p z/meetings && i=0 && for tz in America/New_York Asia/Kolkata Australia/Sydney Europe/Dublin UTC Pacific/Chatham; do i=$((i+1)); printf -- '---\ntitle: M%s %s\ndate: 2024-0%s-15\ntime: "09:30"\ntimezone: %s\n---\n' $i $tz $i $tz > z/meetings/m$i.md; done && SOURCE_DATE_EPOCH=1700000000 kb --kb z export ics z.ics && /usr/bin/python3 "$SRC/tests/tools/check_ics.py" z.ics
> ok: 134 lines, 6 events, 0 to-dos, time zones: America/New_York, Asia/Kolkata, Australia/Sydney, Europe/Dublin, Pacific/Chatham, UTC
> VEVENT meetings/m1@kb | 2024-01-15T09:30:00-05:00 | M1 America/New_York | 
> VEVENT meetings/m2@kb | 2024-02-15T09:30:00+05:30 | M2 Asia/Kolkata | 
> VEVENT meetings/m3@kb | 2024-03-15T09:30:00+11:00 | M3 Australia/Sydney | 
> VEVENT meetings/m4@kb | 2024-04-15T09:30:00+01:00 | M4 Europe/Dublin | 
> VEVENT meetings/m5@kb | 2024-05-15T09:30:00+00:00 | M5 UTC | 
> VEVENT meetings/m6@kb | 2024-06-15T09:30:00+12:45 | M6 Pacific/Chatham | 

# A zone kb cannot read is a warning; the time is then floating local time.
$ cd "$FIXTURES/vault" && sed -i 's|^timezone: .*|timezone: Mars/Olympus_Mons|' kb.yaml && SOURCE_DATE_EPOCH=1700000000 kb export ics | grep -E '^(DTSTART|BEGIN:VTIMEZONE)'
> DTSTART:20240902T140000
> DTSTART:20240910T093000
2> Meetings/2024-09-02 Bilateral with IESALC.md: warning: unknown time zone 'Mars/Olympus_Mons'; times are written without one (use an IANA name such as 'Europe/Paris')

# SQLite: the tables, queried with the sqlite3 client.
$ kb --kb "$RECORDS" export sqlite kb.sqlite && sqlite3 kb.sqlite .tables
> actions       attendance    records       topics      
> affiliations  links         tags        
2> kb: wrote 'kb.sqlite' (try: sqlite3 kb.sqlite '.tables')

$ kb --kb "$RECORDS" export sqlite kb.sqlite 2>/dev/null; sqlite3 -separator ' | ' kb.sqlite "SELECT m.date, m.name, group_concat(o.name, ', ') FROM links l JOIN records m ON m.id = l.source JOIN records o ON o.id = l.target WHERE l.kind = 'organization' GROUP BY m.id ORDER BY m.date"
> 2024-09-02 | Bilateral meeting with UNESCO-IESALC | UNESCO-ICHEI, UNESCO-IESALC
> 2024-09-04 | Meeting with the Future of Learning and Innovation Team at UNESCO | UNESCO-ICHEI, Future of Learning and Innovation Team
> 2024-09-05 | Bilateral meeting with the Division for Policies and Lifelong Learning Systems | UNESCO-ICHEI, Division for Policies and Lifelong Learning Systems

$ kb --kb "$RECORDS" export sqlite kb.sqlite 2>/dev/null; sqlite3 -separator ' | ' kb.sqlite "SELECT p.name, count(*) FROM attendance a JOIN records p ON p.id = a.person GROUP BY p.id HAVING count(*) > 1 ORDER BY 2 DESC, 1"
> BI Xiaohan | 3
> JIAO Yanwen | 3
> LIANG Jiansheng | 3
> SU Rui | 3

$ kb --kb "$RECORDS" export sqlite kb.sqlite 2>/dev/null; sqlite3 kb.sqlite "PRAGMA foreign_key_check; PRAGMA integrity_check"
> ok

# Never replaces a file.
$ touch taken.sqlite && kb --kb "$RECORDS" export sqlite taken.sqlite; wc -c < taken.sqlite
> 0
2> kb: error: 'taken.sqlite' exists; kb export replaces a file only with --force (or choose another name)

$ kb --kb "$RECORDS" export sqlite
2> kb: error: kb export sqlite needs a file to write (e.g. 'kb export sqlite kb.sqlite')
? 2

$ kb --kb "$RECORDS" export pdf out.pdf
2> kb: error: format: pdf not in {ics,sqlite,neo4j}; see 'kb export --help'
? 2

# Neo4j: neo4j-admin import headers, and every relationship end is a node id.
$ kb -q --kb "$FIXTURES/vault" export neo4j out && cd out && ls && head -n 1 *.csv
> actions.csv
> affiliated_with.csv
> attended.csv
> events.csv
> meetings.csv
> notes.csv
> organizations.csv
> people.csv
> relationships.csv
> topics.csv
> ==> actions.csv <==
> id:ID,text,due:date,done:boolean,cancelled:boolean,done_on:date,priority,line:int,:LABEL
>
> ==> affiliated_with.csv <==
> :START_ID,:END_ID,:TYPE,role,since:date,until:date
>
> ==> attended.csv <==
> :START_ID,:END_ID,:TYPE,organization,role
>
> ==> events.csv <==
> id:ID,name,aliases:string[],start:date,end:date,location,path,:LABEL
>
> ==> meetings.csv <==
> id:ID,title,date:date,time,timezone,location,summary,tags:string[],path,:LABEL
>
> ==> notes.csv <==
> id:ID,name,tags:string[],path,:LABEL
>
> ==> organizations.csv <==
> id:ID,name,aliases:string[],tags:string[],kind,path,:LABEL
>
> ==> people.csv <==
> id:ID,name,aliases:string[],tags:string[],honorific,path,:LABEL
>
> ==> relationships.csv <==
> :START_ID,:END_ID,:TYPE
>
> ==> topics.csv <==
> id:ID,name,aliases:string[],tags:string[],path,:LABEL

$ kb -q --kb "$FIXTURES/vault" export neo4j out && /usr/bin/python3 "$SRC/tests/tools/check_neo4j.py" out
> nodes: Action 7, Meeting 2, Note 5, Organization 3, Person 3, Topic 1, Unresolved 1
> relationships: ABOUT 1, AFFILIATED_WITH 2, ATTENDED 4, HAS_ACTION 7, MENTIONS 8, OWNED_BY 3, PART_OF 1, WITH_ORGANIZATION 3

$ kb --kb "$FIXTURES/vault" export neo4j out 2>&1 | sed -n 2p
>   cd out && neo4j-admin database import full --nodes=people.csv --nodes=organizations.csv --nodes=topics.csv --nodes=events.csv --nodes=meetings.csv --nodes=notes.csv --nodes=actions.csv --relationships=attended.csv --relationships=affiliated_with.csv --relationships=relationships.csv neo4j

$ mkdir out && touch out/people.csv && kb --kb "$RECORDS" export neo4j out; ls out
> people.csv
2> kb: error: 'out/people.csv' exists; kb export replaces files only with --force (or choose an empty folder)

# CSV that opens in Excel: --bom, or csv_bom: true in kb.yaml, starts it with a UTF-8 BOM.
$ kb --kb "$RECORDS" --bom --format csv list orgs | head -c 7 | od -An -c
>  357 273 277   N   A   M   E

$ printf 'csv_bom: true\n' >> "$RECORDS/kb.yaml" && kb --kb "$RECORDS" --format csv related IESALC --limit 1 | head -c 7 | od -An -c && kb --kb "$RECORDS" check >/dev/null && kb --kb "$RECORDS" --format csv query --org IESALC | head -c 3 | od -An -c
>  357 273 277   T   Y   P   E
>  357 273 277
2> kb: 33 files checked: 0 errors, 0 warnings

$ kb --kb "$RECORDS" --format csv list orgs | head -c 4
> NAME

# Meetings as CSV carry attendees, topics, location and tags; --fields picks and orders the
# columns of a table, CSV or Markdown table (on a terminal too).
$ kb --kb "$RECORDS" --format csv query --org IESALC --limit 1 | python3 -c 'import csv, sys; r = list(csv.DictReader(sys.stdin)); print(list(r[0].keys())); print(r[0]["ATTENDEES"])'
> ['DATE', 'TIME', 'TITLE', 'ORGANIZATIONS', 'ID', 'ATTENDEES', 'TOPICS', 'LOCATION', 'TAGS']
> LIANG Jiansheng, BI Xiaohan, SU Rui, JIAO Yanwen, Francesc Pedro, Arianna Valentini

$ kb --kb "$RECORDS" --fields date,attendees query --org IESALC --limit 1
> DATE        ATTENDEES
> 2024-09-02  LIANG Jiansheng, BI Xiaohan, SU Rui, JIAO Yanwen, Francesc Pedro, Arianna Valentini

$ kb --kb "$RECORDS" --fields "name, last-met" --format md list orgs | head -3
> | NAME | LAST MET |
> | --- | --- |
> | Division for Policies and Lifelong Learning Systems | 2024-09-05 |

$ kb --kb "$RECORDS" --fields "title" list orgs
2> kb: error: --fields: no column 'title' here (columns: name, parent, meetings, last_met, next, id)
? 2

$ kb --kb "$RECORDS" --fields owner,due,meeting --format csv actions --all | head -2
> OWNER,DUE,MEETING
> ,,meetings/2024/2024-09-02-unesco-iesalc

$ kb --kb "$RECORDS" --fields date,owner query --org IESALC
2> kb: error: --fields: no column 'owner' here (columns: date, time, title, organizations, id, attendees, topics, location, tags)
? 2

# --fields does not change JSON or ids.
$ kb --kb "$RECORDS" --fields date --format ids query --org IESALC --limit 1
> meetings/2024/2024-09-02-unesco-iesalc

