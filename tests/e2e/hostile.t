# The corpus of bad and tricky notes (tests/fixtures/hostile/, one defect per file under bad/
# and meetings/bad-*; the valid-but-tricky ones are meetings/ok-* and notes/ok-*). Every bad
# note's diagnostic is pinned here; see docs/hardening.md.
$ kb --kb "$FIXTURES/hostile" check
> bad/alias-bomb.md:6:1: error: front matter has too many values (more than 100000; check for repeated aliases '*')
> bad/alias-cycle.md:2:4: error: front matter is nested too deeply (more than 64 levels)
> bad/alias-text-bomb.md:3:1: error: front matter expands to too much text (more than 1048576 bytes; check for repeated aliases '*')
> bad/binary-nul.md:4:5: error: binary file (contains a NUL byte); skipped
> bad/duplicate-key-nested.md:5:5: error: duplicate key 'role' (remove one of them)
> bad/duplicate-key.md:4:1: error: duplicate key 'title' (remove one of them)
> bad/front-matter-is-list.md:2:1: error: front matter must be a mapping of keys to values
> bad/front-matter-is-scalar.md:2:1: error: front matter must be a mapping of keys to values
> bad/front-matter-not-closed.md:1:1: error: front matter is not closed (add a line '---' after it)
> bad/invalid-utf8-body.md:5:11: error: invalid UTF-8 (save the file as UTF-8)
> bad/invalid-utf8-front-matter.md:3:12: error: invalid UTF-8 (save the file as UTF-8)
> bad/invalid-utf8-overlong.md:2:8: error: invalid UTF-8 (save the file as UTF-8)
> bad/invalid-utf8-surrogate.md:4:1: error: invalid UTF-8 (save the file as UTF-8)
> bad/invalid-utf8-truncated.md:4:9: error: invalid UTF-8 (save the file as UTF-8)
> bad/latin1.md:1:4: error: invalid UTF-8 (save the file as UTF-8)
> bad/nesting-100-levels.md:2:68: error: front matter is nested too deeply (more than 64 levels)
> bad/nesting-3000-levels.md:2:68: error: front matter is nested too deeply (more than 64 levels)
> bad/unterminated-double-quote.md:2:8: error: unterminated quoted value (add the closing " on the same line)
> bad/unterminated-quote-at-end.md:3:10: error: unterminated quoted value (add the closing " on the same line)
> bad/unterminated-quote-in-flow.md:2:11: error: unterminated quoted value (add the closing " on the same line)
> bad/unterminated-quote-in-list.md:3:5: error: unterminated quoted value (add the closing " on the same line)
> bad/unterminated-single-quote.md:3:11: error: unterminated quoted value (add the closing ' on the same line)
> bad/utf16-be-bom.md:1:1: error: UTF-16 text is not supported (save the file as UTF-8)
> bad/utf16-le-bom.md:1:1: error: UTF-16 text is not supported (save the file as UTF-8)
> bad/utf16-le-no-bom.md:1:1: error: UTF-16 text is not supported (save the file as UTF-8)
> bad/yaml-bad-indent.md:3:7: error: invalid YAML: illegal map value
> bad/yaml-key-not-text.md:2:1: error: a front matter key must be plain text
> bad/yaml-tab-indent.md:3:2: error: invalid YAML: illegal block entry
> bad/yaml-unclosed-flow.md:3:6: error: invalid YAML: end of sequence flow not found
> bad/yaml-unknown-anchor.md:2:8: error: invalid YAML: the referenced anchor is not defined
> meetings/bad-date-feb-30.md:4:7: error: invalid date '2024-02-30' (expected YYYY-MM-DD)
> meetings/bad-date-list.md:4:7: error: 'date' must be a date (YYYY-MM-DD)
> meetings/bad-date-month-13.md:4:7: error: invalid date '2024-13-01' (expected YYYY-MM-DD)
> meetings/bad-date-text.md:4:7: error: invalid date 'next tuesday' (expected YYYY-MM-DD)
> meetings/bad-due-date.md:6:21: warning: invalid due date '2024-02-30' (expected YYYY-MM-DD)
> meetings/bad-missing-date.md:1:1: error: missing required field 'date'
> meetings/bad-missing-title.md:1:1: error: missing required field 'title'
> meetings/bad-time-25.md:5:7: error: invalid time '25:00' (expected HH:MM, 24 h)
> meetings/bad-time-format.md:5:7: error: invalid time '2pm' (expected HH:MM, 24 h)
> meetings/bad-title-control.md:3:8: error: 'title' holds a control character
2> kb: 59 files checked: 39 errors, 1 warning, 17 skipped
? 1

# The valid-but-tricky notes all load; the bad ones are skipped with one summary line.
$ kb --kb "$FIXTURES/hostile" query --format ids
> meetings/bad-due-date
> meetings/bad-time-25
> meetings/bad-time-format
> meetings/ok-bom-crlf
> meetings/ok-dots-terminator
> meetings/ok-no-string
> meetings/ok-quoted-date
> meetings/ok-cjk
> meetings/ok-nfd-attendee
> meetings/ok-bare-cr
> meetings/ok-multiline-quote
> meetings/ok-quotes-escaped
> meetings/ok-csv-formula
> meetings/ok-markdown-title
> meetings/ok-bidi-title
2> kb: 39 files have problems, 17 skipped (run 'kb check')

# BOM+CRLF, '...', quoted date and time, `no` and friends as strings, CJK, NFD attendees.
$ kb --kb "$FIXTURES/hostile" -q query --format json --since 2024-09-02 --until 2024-09-06
> [
>   {
>     "actions": [
>       {
>         "cancelled": false,
>         "done": false,
>         "done_on": null,
>         "due": null,
>         "line": 6,
>         "markdown": "Follow up due:2024-02-30",
>         "meeting": "meetings/bad-due-date",
>         "note": "meetings/bad-due-date",
>         "owner": null,
>         "text": "Follow up due:2024-02-30"
>       }
>     ],
>     "attendees": [],
>     "date": "2024-09-02",
>     "decisions": [],
>     "end": null,
>     "event": null,
>     "id": "meetings/bad-due-date",
>     "location": null,
>     "organizations": [],
>     "path": "meetings/bad-due-date.md",
>     "summary": "",
>     "tags": [],
>     "time": null,
>     "timezone": null,
>     "title": "Bad due date",
>     "topics": []
>   },
>   {
>     "actions": [],
>     "attendees": [],
>     "date": "2024-09-02",
>     "decisions": [],
>     "end": null,
>     "event": null,
>     "id": "meetings/bad-time-25",
>     "location": null,
>     "organizations": [],
>     "path": "meetings/bad-time-25.md",
>     "summary": "",
>     "tags": [],
>     "time": null,
>     "timezone": null,
>     "title": "Time 25",
>     "topics": []
>   },
>   {
>     "actions": [],
>     "attendees": [],
>     "date": "2024-09-02",
>     "decisions": [],
>     "end": null,
>     "event": null,
>     "id": "meetings/bad-time-format",
>     "location": null,
>     "organizations": [],
>     "path": "meetings/bad-time-format.md",
>     "summary": "",
>     "tags": [],
>     "time": null,
>     "timezone": null,
>     "title": "Time 2pm",
>     "topics": []
>   },
>   {
>     "actions": [
>       {
>         "cancelled": false,
>         "done": false,
>         "done_on": null,
>         "due": "2024-09-09",
>         "line": 8,
>         "markdown": "Reply to [[Zhang Wei]] due:2024-09-09",
>         "meeting": "meetings/ok-bom-crlf",
>         "note": "meetings/ok-bom-crlf",
>         "owner": "张伟",
>         "text": "Reply to Zhang Wei"
>       }
>     ],
>     "attendees": [],
>     "date": "2024-09-02",
>     "decisions": [],
>     "end": null,
>     "event": null,
>     "id": "meetings/ok-bom-crlf",
>     "location": null,
>     "organizations": [
>       "UNESCO"
>     ],
>     "path": "meetings/ok-bom-crlf.md",
>     "summary": "",
>     "tags": [],
>     "time": null,
>     "timezone": null,
>     "title": "BOM and CRLF",
>     "topics": []
>   },
>   {
>     "actions": [],
>     "attendees": [],
>     "date": "2024-09-03",
>     "decisions": [],
>     "end": null,
>     "event": null,
>     "id": "meetings/ok-dots-terminator",
>     "location": null,
>     "organizations": [],
>     "path": "meetings/ok-dots-terminator.md",
>     "summary": "The body starts here.",
>     "tags": [],
>     "time": null,
>     "timezone": null,
>     "title": "Closed with three dots",
>     "topics": []
>   },
>   {
>     "actions": [],
>     "attendees": [],
>     "date": "2024-09-04",
>     "decisions": [],
>     "end": null,
>     "event": null,
>     "id": "meetings/ok-no-string",
>     "location": "NO",
>     "organizations": [],
>     "path": "meetings/ok-no-string.md",
>     "summary": "",
>     "tags": [
>       "no",
>       "yes",
>       "off",
>       "1e3",
>       "14:00"
>     ],
>     "time": null,
>     "timezone": null,
>     "title": "no",
>     "topics": []
>   },
>   {
>     "actions": [],
>     "attendees": [],
>     "date": "2024-09-04",
>     "decisions": [],
>     "end": null,
>     "event": null,
>     "id": "meetings/ok-quoted-date",
>     "location": null,
>     "organizations": [],
>     "path": "meetings/ok-quoted-date.md",
>     "summary": "",
>     "tags": [],
>     "time": "09:30",
>     "timezone": null,
>     "title": "Quoted date",
>     "topics": []
>   },
>   {
>     "actions": [],
>     "attendees": [
>       {
>         "name": "张伟",
>         "organization": "UNESCO",
>         "role": "主任"
>       }
>     ],
>     "date": "2024-09-05",
>     "decisions": [],
>     "end": null,
>     "event": null,
>     "id": "meetings/ok-cjk",
>     "location": "北京",
>     "organizations": [],
>     "path": "meetings/ok-cjk.md",
>     "summary": "讨论了合作。",
>     "tags": [],
>     "time": null,
>     "timezone": null,
>     "title": "与教科文组织的双边会谈",
>     "topics": []
>   },
>   {
>     "actions": [],
>     "attendees": [
>       {
>         "name": "José García",
>         "organization": "UNESCO",
>         "role": null
>       },
>       {
>         "name": "Zoë Martin",
>         "organization": null,
>         "role": null
>       }
>     ],
>     "date": "2024-09-05",
>     "decisions": [],
>     "end": null,
>     "event": null,
>     "id": "meetings/ok-nfd-attendee",
>     "location": null,
>     "organizations": [],
>     "path": "meetings/ok-nfd-attendee.md",
>     "summary": "",
>     "tags": [],
>     "time": null,
>     "timezone": null,
>     "title": "Attendee written in NFD",
>     "topics": []
>   },
>   {
>     "actions": [
>       {
>         "cancelled": false,
>         "done": false,
>         "done_on": null,
>         "due": "2024-09-13",
>         "line": 6,
>         "markdown": "Task on line six due:2024-09-13",
>         "meeting": "meetings/ok-bare-cr",
>         "note": "meetings/ok-bare-cr",
>         "owner": null,
>         "text": "Task on line six"
>       }
>     ],
>     "attendees": [],
>     "date": "2024-09-06",
>     "decisions": [],
>     "end": null,
>     "event": null,
>     "id": "meetings/ok-bare-cr",
>     "location": null,
>     "organizations": [],
>     "path": "meetings/ok-bare-cr.md",
>     "summary": "",
>     "tags": [],
>     "time": null,
>     "timezone": null,
>     "title": "Old Mac line endings",
>     "topics": []
>   },
>   {
>     "actions": [],
>     "attendees": [],
>     "date": "2024-09-06",
>     "decisions": [],
>     "end": null,
>     "event": null,
>     "id": "meetings/ok-multiline-quote",
>     "location": null,
>     "organizations": [],
>     "path": "meetings/ok-multiline-quote.md",
>     "summary": "",
>     "tags": [],
>     "time": null,
>     "timezone": null,
>     "title": "A title that goes on over two lines",
>     "topics": []
>   },
>   {
>     "actions": [],
>     "attendees": [],
>     "date": "2024-09-06",
>     "decisions": [],
>     "end": null,
>     "event": null,
>     "id": "meetings/ok-quotes-escaped",
>     "location": "Room \"B\" # not a comment",
>     "organizations": [],
>     "path": "meetings/ok-quotes-escaped.md",
>     "summary": "",
>     "tags": [],
>     "time": null,
>     "timezone": null,
>     "title": "It's \"quoted\"",
>     "topics": []
>   }
> ]

# A person whose file name is in NFD has an NFC id.
$ kb --kb "$FIXTURES/hostile" -q list people --format ids
> people/jose-garcia
> people/zoë-martin
> people/zhang-wei

# An NFD name in a meeting resolves to the NFC record.
$ kb --kb "$FIXTURES/hostile" -q query --person "Zoë Martin" --format ids
> meetings/ok-nfd-attendee

# Output safety: terminal tables show bidi and control characters escaped.
$ kb --kb "$FIXTURES/hostile" -q query --since 2024-09-07 --until 2024-09-08
> DATE        TIME  TITLE                                        ORGANIZATIONS  ID
> 2024-09-07        =HYPERLINK("http://example.com","click")                    meetings/ok-csv-formula
> 2024-09-07        [x](javascript:alert(1)) <b>bold</b> | pipe                 meetings/ok-markdown-title
> 2024-09-08        Budget <U+202E>etadpu<U+202C> review                        meetings/ok-bidi-title

# CSV quotes and defuses formulas.
$ kb --kb "$FIXTURES/hostile" -q query --since 2024-09-07 --until 2024-09-08 --format csv
> DATE,TIME,TITLE,ORGANIZATIONS,ID,ATTENDEES,TOPICS,LOCATION,TAGS
> 2024-09-07,,"'=HYPERLINK(""http://example.com"",""click"")",,meetings/ok-csv-formula,,,"'@SUM(A1), ""Paris""",
> 2024-09-07,,[x](javascript:alert(1)) <b>bold</b> | pipe,,meetings/ok-markdown-title,,,,
> 2024-09-08,,Budget ‮etadpu‬ review,,meetings/ok-bidi-title,,,,

# Markdown keeps a javascript: link and HTML as text.
$ kb --kb "$FIXTURES/hostile" -q query --since 2024-09-07 --until 2024-09-08 --format md
> | DATE | TIME | TITLE | ORGANIZATIONS | ID |
> | --- | --- | --- | --- | --- |
> | 2024-09-07 |  | \=HYPERLINK("http://example.com","click") |  | meetings/ok-csv-formula |
> | 2024-09-07 |  | \[x\](javascript:alert(1)) \<b\>bold\</b\> \| pipe |  | meetings/ok-markdown-title |
> | 2024-09-08 |  | Budget ‮etadpu‬ review |  | meetings/ok-bidi-title |

