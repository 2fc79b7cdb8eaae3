# In-place edits never lose or misplace data (issue 24, "No note lost"). Fixture: edits.
# Old-Mac (CR only) and mixed line ends: each action keeps its own text, owner and due date.
$ kb --kb "$FIXTURES/edits" actions --all
> DUE         DONE  OWNER      ACTION                       MEETING                       LINE
> 2024-10-15        Ana Lopez  Send the agenda Ana Lopez    meetings/2024-09-02-old-mac   8
> 2024-10-20        Ana Lopez  One Ana Lopez                meetings/2024-09-03-mixed     8
> 2024-11-01        Ben Ortiz  Book a room Ben Ortiz        meetings/2024-09-02-old-mac   9
> 2024-12-01                   Three                        meetings/2024-09-03-mixed     10
>                              Print the slides             meetings/2024-09-02-old-mac   10
>                   Ben Ortiz  Two Ben Ortiz                meetings/2024-09-03-mixed     9
>                   Ana Lopez  [x] Tick the form Ana Lopez  meetings/2024-09-04-brackets  8
>                              [ ] Empty box                meetings/2024-09-04-brackets  9
>                              Write the minutes            meetings/2024-09-05-plain     8
>                              Call back                    meetings/2024-09-05-plain     9

# 'actions done' marks the line named, in a CR-only note; every other byte stays (CR shown as ~).
$ kb --kb "$FIXTURES/edits" actions done meetings/2024-09-02-old-mac 9 --today 2024-09-20 && tr '\r' '~' < "$FIXTURES/edits/meetings/2024-09-02-old-mac.md"
> meetings/2024-09-02-old-mac.md:9: - [x] Book a room [[Ben Ortiz]] due:2024-11-01 ✅ 2024-09-20
> ---~type: meeting~title: Old Mac note~date: 2024-09-02~organizations: [IESALC]~---~## Actions~- [ ] Send the agenda [[Ana Lopez]] due:2024-10-15~- [x] Book a room [[Ben Ortiz]] due:2024-11-01 ✅ 2024-09-20~- [ ] Print the slides~

# ... and in a note with CR, LF and CRLF ends, by words.
$ kb --kb "$FIXTURES/edits" actions done meetings/2024-09-03-mixed "two" --today 2024-09-20 && tr '\r' '~' < "$FIXTURES/edits/meetings/2024-09-03-mixed.md"
> meetings/2024-09-03-mixed.md:9: - [x] Two [[Ben Ortiz]] ✅ 2024-09-20
> ---~
> type: meeting~
> title: Mixed endings~
> date: 2024-09-03~
> organizations: [IESALC]~
> ---~
> ## Actions~
> - [ ] One [[Ana Lopez]] due:2024-10-20~- [x] Two [[Ben Ortiz]] ✅ 2024-09-20
> - [ ] Three due:2024-12-01~

# "Before this meeting" lists the same actions, each with its own owner and due date.
$ kb --kb "$FIXTURES/edits" add meeting --title "Next" --date 2024-10-01 --org IESALC >/dev/null && grep -e old-mac -e mixed "$FIXTURES/edits/meetings/2024/2024-10-01-next.md"
> - Send the agenda [[Ana Lopez]] due:2024-10-15 (from [[meetings/2024-09-02-old-mac|2024-09-02 Old Mac note]])
> - One [[Ana Lopez]] due:2024-10-20 (from [[meetings/2024-09-03-mixed|2024-09-03 Mixed endings]])
> - Book a room [[Ben Ortiz]] due:2024-11-01 (from [[meetings/2024-09-02-old-mac|2024-09-02 Old Mac note]])
> - Three due:2024-12-01 (from [[meetings/2024-09-03-mixed|2024-09-03 Mixed endings]])
> - Print the slides (from [[meetings/2024-09-02-old-mac|2024-09-02 Old Mac note]])
> - Two [[Ben Ortiz]] (from [[meetings/2024-09-03-mixed|2024-09-03 Mixed endings]])

# "Before this meeting" copies such a text with its bracket escaped: it does not become a task
# of the new meeting.
$ kb --kb "$FIXTURES/edits" add meeting --title "Next" --date 2024-10-01 --org IESALC >/dev/null && grep -e Tick -e Empty "$FIXTURES/edits/meetings/2024/2024-10-01-next.md"; kb --kb "$FIXTURES/edits" actions --all --format ids | grep -c 2024-10-01 || true
> - \[x] Tick the form [[Ana Lopez]] (from [[meetings/2024-09-04-brackets|2024-09-04 Brackets]])
> - \[ ] Empty box (from [[meetings/2024-09-04-brackets|2024-09-04 Brackets]])
> 0

# Action texts that begin with brackets are open actions with that text; the first box is marked.
$ kb --kb "$FIXTURES/edits" actions --all | grep -e Tick -e Empty; kb --kb "$FIXTURES/edits" actions done meetings/2024-09-04-brackets "[x] tick" --today 2024-09-20 && kb --kb "$FIXTURES/edits" actions done meetings/2024-09-04-brackets "[ ] empty" --today 2024-09-20 && cat "$FIXTURES/edits/meetings/2024-09-04-brackets.md"
>                   Ana Lopez  [x] Tick the form Ana Lopez  meetings/2024-09-04-brackets  8
>                              [ ] Empty box                meetings/2024-09-04-brackets  9
> meetings/2024-09-04-brackets.md:8: - [x] [x] Tick the form [[Ana Lopez]] ✅ 2024-09-20
> meetings/2024-09-04-brackets.md:9: - [x] [ ] Empty box ✅ 2024-09-20
> ---
> type: meeting
> title: Brackets
> date: 2024-09-04
> organizations: [IESALC]
> ---
> ## Actions
> - [x] [x] Tick the form [[Ana Lopez]] ✅ 2024-09-20
> - [x] [ ] Empty box ✅ 2024-09-20

# A read-only note is refused and stays read-only (root, who could write it, refuses too).
$ f="$FIXTURES/edits/meetings/2024-09-05-plain.md"; chmod 444 "$f"; kb --kb "$FIXTURES/edits" actions done meetings/2024-09-05-plain 8 --today 2024-09-20; stat -c %a "$f"; cmp "$SRC/tests/fixtures/edits/meetings/2024-09-05-plain.md" "$f" && echo unchanged
> 444
> unchanged
2> kb: error: cannot write 'meetings/2024-09-05-plain.md': it is read-only; kb does not change a note's permissions (make it writable to edit it)

# A user without write permission is refused the same way, and kb does not chmod the note.
$ f="$FIXTURES/edits/meetings/2024-09-05-plain.md"; chmod -R a+rwX "$WORK"; chmod 644 "$f"; "$SRC/tests/e2e/as_nobody" kb --kb "$FIXTURES/edits" actions done meetings/2024-09-05-plain 8 --today 2024-09-20; stat -c %a "$f"; cmp "$SRC/tests/fixtures/edits/meetings/2024-09-05-plain.md" "$f" && echo unchanged
> 644
> unchanged
2> kb: error: cannot write 'meetings/2024-09-05-plain.md': Permission denied

# Mode, owner, group, ACL and extended attributes are kept (checked where the file system has them).
$ f="$FIXTURES/edits/meetings/2024-09-05-plain.md"; chmod 640 "$f"; [ "$(id -u)" = 0 ] && chown nobody:nogroup "$f"; { setfacl -m u:daemon:rw "$f" && setfattr -n user.kb -v keep "$f"; } 2>/dev/null || true; meta() { stat -c '%a %u %g' "$f"; getfacl -cp "$f" 2>/dev/null; getfattr -d "$f" 2>/dev/null | grep -v '^#'; }; before=$(meta); ino=$(stat -c %i "$f"); kb --kb "$FIXTURES/edits" actions done meetings/2024-09-05-plain 8 --today 2024-09-20 && [ "$(meta)" = "$before" ] && echo "metadata kept" && [ "$(stat -c %i "$f")" != "$ino" ] && echo "replaced by rename"; ls -A "$FIXTURES/edits/meetings" | grep kb-tmp || echo "no temporary file left"
> meetings/2024-09-05-plain.md:8: - [x] Write the minutes ✅ 2024-09-20
> metadata kept
> replaced by rename
> no temporary file left

# A user who may write a note but not own it cannot keep its owner: refused, untouched.
$ f="$FIXTURES/edits/meetings/2024-09-05-plain.md"; chmod -R a+rwX "$WORK"; chmod 666 "$f"; "$SRC/tests/e2e/as_nobody" kb --kb "$FIXTURES/edits" actions done meetings/2024-09-05-plain 8 --today 2024-09-20; stat -c '%a %U' "$f"; cmp "$SRC/tests/fixtures/edits/meetings/2024-09-05-plain.md" "$f" && echo unchanged; ls -A "$FIXTURES/edits/meetings" | grep kb-tmp || echo "no temporary file left"
> 666 root
> unchanged
> no temporary file left
2> kb: error: cannot write 'meetings/2024-09-05-plain.md': kb cannot keep its owner and group (Operation not permitted); edit it by hand

# A hard-linked note is refused rather than split from its other name.
$ f="$FIXTURES/edits/meetings/2024-09-05-plain.md"; ln "$f" "$WORK/other-name.md"; kb --kb "$FIXTURES/edits" actions done meetings/2024-09-05-plain 8 --today 2024-09-20; cmp "$f" "$WORK/other-name.md" && cmp "$SRC/tests/fixtures/edits/meetings/2024-09-05-plain.md" "$f" && echo unchanged
> unchanged
2> kb: error: cannot write 'meetings/2024-09-05-plain.md': it has 2 hard links, which replacing it would split; edit it by hand

# A note that is a symbolic link is edited at its target inside the KB; the link stays.
$ k="$FIXTURES/edits"; mkdir "$k/.store" && mv "$k/meetings/2024-09-05-plain.md" "$k/.store/" && ln -s ../.store/2024-09-05-plain.md "$k/meetings/2024-09-05-plain.md" && kb --kb "$k" actions done meetings/2024-09-05-plain 8 --today 2024-09-20 && readlink "$k/meetings/2024-09-05-plain.md" && grep -c '✅' "$k/.store/2024-09-05-plain.md"
> meetings/2024-09-05-plain.md:8: - [x] Write the minutes ✅ 2024-09-20
> ../.store/2024-09-05-plain.md
> 1

# A link to a note outside the KB, and a folder linked outside, are refused.
$ k="$FIXTURES/edits"; mv "$k/meetings/2024-09-05-plain.md" "$WORK/outside.md" && ln -s "$WORK/outside.md" "$k/meetings/2024-09-05-plain.md" && kb --kb "$k" actions done meetings/2024-09-05-plain 8 --today 2024-09-20; mv "$k/meetings" "$WORK/far" && ln -s "$WORK/far" "$k/meetings" && kb --kb "$k" actions done meetings/2024-09-04-brackets 8 --today 2024-09-20; grep -c '✅' "$WORK/outside.md" "$WORK/far/2024-09-04-brackets.md"
> $WORK/outside.md:0
> $WORK/far/2024-09-04-brackets.md:0
2> kb: error: cannot write 'meetings/2024-09-05-plain.md': it is a symbolic link to a file outside the knowledge base; edit that file by hand
2> kb: error: cannot write 'meetings/2024-09-04-brackets.md': folder 'meetings' leads outside the knowledge base; refusing to write there (replace the link with a folder)
? 1

# Temporary files of killed writers are removed by the next writer in the folder; a live
# writer's (its process runs, or it is younger than an hour) is kept; loading ignores them.
$ m="$FIXTURES/edits/meetings"; tag=$(tr -d '-' < /proc/sys/kernel/random/boot_id | cut -c1-12).$(stat -L -c %i /proc/self/ns/pid); dead=$(sh -c 'echo $$'); touch "$m/.kb-tmp-old123" "$m/.kb-tmp-new123" "$m/.kb-tmp-$tag.$dead-dead01" "$m/.kb-tmp-$tag.$$-live01"; touch -d '2 hours ago' "$m/.kb-tmp-old123"; kb --kb "$FIXTURES/edits" check; kb --kb "$FIXTURES/edits" actions done meetings/2024-09-05-plain 8 --today 2024-09-20 >/dev/null; ls -A "$m" | grep kb-tmp | sed "s/$tag.$$/TAG.LIVE/"
> .kb-tmp-TAG.LIVE-live01
> .kb-tmp-new123
2> kb: 8 files checked: 0 errors, 0 warnings

