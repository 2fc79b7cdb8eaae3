# Follow-ups beyond done (issue 26): add, due, reassign, cancel, reopen, done. An action is
# named by ID:LINE as `kb actions --format ids` prints it, or by words of one action.
$ kb --kb "$FIXTURES/rename" actions add "Kickoff with the Sea Institute" "Book the room" --owner "Bo Chen" --due 2024-09-15 && kb --kb "$FIXTURES/rename" actions --format ids && tail -3 "$FIXTURES/rename/meetings/2024-09-02-kickoff.md"
> meetings/2024-09-02-kickoff.md:13: - [ ] Book the room [[Bo Chen]] 📅 2024-09-15
> meetings/2024-09-02-kickoff:12
> meetings/2024-09-02-kickoff:13
> ## Actions
> - [ ] Send the minutes [[Ana Bell]] due:2024-09-09
> - [ ] Book the room [[Bo Chen]] 📅 2024-09-15

$ kb --kb "$FIXTURES/rename" actions due meetings/2024-09-02-kickoff:12 2024-09-30 && kb --kb "$FIXTURES/rename" actions reassign minutes --owner "bo chen" && kb --kb "$FIXTURES/rename" actions cancel minutes --today 2024-09-05 && kb --kb "$FIXTURES/rename" actions reopen minutes
> meetings/2024-09-02-kickoff.md:12: - [ ] Send the minutes [[Ana Bell]] due:2024-09-30
> meetings/2024-09-02-kickoff.md:12: - [ ] Send the minutes [[Bo Chen]] due:2024-09-30
> meetings/2024-09-02-kickoff.md:12: - [-] Send the minutes [[Bo Chen]] due:2024-09-30 ❌ 2024-09-05
> meetings/2024-09-02-kickoff.md:12: - [ ] Send the minutes [[Bo Chen]] due:2024-09-30

# --format ids piped back: the first open action is done.
$ kb --kb "$FIXTURES/rename" actions --format ids | head -1 | xargs kb --kb "$FIXTURES/rename" actions done --today 2024-09-06 && kb --kb "$FIXTURES/rename" actions --all
> meetings/2024-09-02-kickoff.md:12: - [x] Send the minutes [[Ana Bell]] due:2024-09-09 ✅ 2024-09-06
> DUE         DONE        OWNER     ACTION                     MEETING                      LINE
> 2024-09-09  2024-09-06  Ana Bell  Send the minutes Ana Bell  meetings/2024-09-02-kickoff  12

# Refusals name the action and say why; nothing is written.
$ kb --kb "$FIXTURES/rename" actions reopen minutes
2> kb: error: no done or cancelled action matches 'minutes' (run 'kb actions --all' to see them)
? 1

$ kb --kb "$FIXTURES/rename" actions done meetings/2024-09-02-kickoff:3
2> kb: error: line 3 of 'meetings/2024-09-02-kickoff.md' is not an action item (run 'kb actions --all' for the lines)
? 1

$ kb --kb "$FIXTURES/rename" actions add Tides "Read up"
2> kb: error: 'Tides' is not a meeting; actions are added to meeting notes
? 1

# kb.yaml `me:` names the person the notes are written by: `--owner me`, `--person me`.
$ kb --kb "$FIXTURES/rename" actions --owner me
2> kb: error: 'me' is the person kb.yaml names with 'me: NAME'; this KB has none
? 1

$ echo "me: Ana Bell" >> "$FIXTURES/rename/kb.yaml" && kb --kb "$FIXTURES/rename" actions --owner me --format ids && kb --kb "$FIXTURES/rename" query --person ME --format ids
> meetings/2024-09-02-kickoff:12
> meetings/2024-09-02-kickoff
> meetings/2024-09-10-follow-up
> meetings/2024-09-20-review

$ echo "me: Ana Bel" >> "$FIXTURES/rename/kb.yaml" && kb --kb "$FIXTURES/rename" check
> kb.yaml:3:5: warning: me 'Ana Bel' names no person of the KB (did you mean 'Ana Bell'?)
2> kb: 8 files checked: 0 errors, 1 warning

# Past and future: "Last met" is the last meeting up to today, a planned one shows as "Next".
$ KB_TODAY=2024-09-12 kb --kb "$FIXTURES/rename" show "Ana Bell" | head -5
> Ana Bell  person · people/ana-bell
> Aliases: A. Bell
> Last met: Tue 10 September 2024
> Next: Fri 20 September 2024  Review  meetings/2024-09-20-review
