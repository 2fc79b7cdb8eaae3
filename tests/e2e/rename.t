# kb rename (issue 25): a record's new name in its note and in every note that names it.
# --dry-run prints the edit as a unified diff and writes nothing.
$ cp -r "$FIXTURES/rename" kb && kb --kb kb rename "Bo Chen" "Bo Chen-Lee" --dry-run && diff -r -x .kb "$FIXTURES/rename" kb && echo unchanged
> --- a/people/bo-chen.md
> +++ b/people/bo-chen.md
> @@ -1,8 +1,9 @@
>  ---
>  type: person
> -name: Bo Chen
> +name: Bo Chen-Lee
>  affiliations:
>    - org: Sea Institute
>      role: Director
> +aliases: [Bo Chen]
>  ---
>  Works with [[Ana Bell|Ana]].
> --- a/meetings/2024-09-02-kickoff.md
> +++ b/meetings/2024-09-02-kickoff.md
> @@ -1,12 +1,12 @@
>  ---
>  title: Kickoff with the Sea Institute
>  date: 2024-09-02
> -attendees: [Ana Bell, Bo Chen]  # both sides
> +attendees: [Ana Bell, Bo Chen-Lee]  # both sides
>  organizations: [Sea Institute]
>  topics: [Tides]
>  ---
>  ## Summary
> -[[Ana Bell]] opened; [[Bo Chen#Bio|Bo]] presented [[Tides]].
> +[[Ana Bell]] opened; [[Bo Chen-Lee#Bio|Bo]] presented [[Tides]].
>  
>  ## Actions
>  - [ ] Send the minutes [[Ana Bell]] due:2024-09-09
> --- a/meetings/2024-09-10-follow-up.md
> +++ b/meetings/2024-09-10-follow-up.md
> @@ -2,10 +2,10 @@
>  title: Follow-up
>  date: 2024-09-10
>  attendees:
> -  - "[[Bo Chen|Bo]]"
> +  - "[[Bo Chen-Lee|Bo]]"
>    - name: 'Ana Bell'
>      role: Chair
>  organizations:
>    - SI
>  ---
> -Notes by [A. Bell](../people/ana-bell.md); profile at [[people/bo-chen]].
> +Notes by [A. Bell](../people/ana-bell.md); profile at [[people/bo-chen-lee]].
> --- a/meetings/2024-09-20-review.md
> +++ b/meetings/2024-09-20-review.md
> @@ -3,6 +3,6 @@
>  date: 2024-09-20
>  attendees:
>    - A. Bell
> -  - bo chen
> +  - Bo Chen-Lee
>  ---
> -[[Bo Chen]] and [[A. Bell]] reviewed.
> +[[Bo Chen-Lee]] and [[A. Bell]] reviewed.
> --- a/orgs/sea-institute.md
> +++ b/orgs/sea-institute.md
> @@ -3,4 +3,4 @@
>  name: Sea Institute
>  aliases: [SI]
>  ---
> -Directed by [[Bo Chen]].
> +Directed by [[Bo Chen-Lee]].
> --- a/people/ana-bell.md
> +++ b/people/ana-bell.md
> @@ -6,4 +6,4 @@
>    - org: Home Office
>      role: Officer
>  ---
> -Ana's note. See also [[Bo Chen]].
> +Ana's note. See also [[Bo Chen-Lee]].
> rename people/bo-chen.md => people/bo-chen-lee.md
> unchanged

# The rename: a line a note, the file follows the slug; the old name stays an alias, so
# queries by the new and the old name find the same three meetings, and the KB checks clean.
$ cp -r "$FIXTURES/rename" kb && kb --kb kb rename "Bo Chen" "Bo Chen-Lee" && kb --kb kb query --person "Bo Chen-Lee" --format ids && kb --kb kb query --person "Bo Chen" --format ids && kb --kb kb check && ls kb/people
> people/bo-chen.md: 'Bo Chen' is now 'Bo Chen-Lee'
> meetings/2024-09-02-kickoff.md: 2 names renamed
> meetings/2024-09-10-follow-up.md: 2 names renamed
> meetings/2024-09-20-review.md: 2 names renamed
> orgs/sea-institute.md: 1 name renamed
> people/ana-bell.md: 1 name renamed
> renamed people/bo-chen.md to people/bo-chen-lee.md
> meetings/2024-09-02-kickoff
> meetings/2024-09-10-follow-up
> meetings/2024-09-20-review
> meetings/2024-09-02-kickoff
> meetings/2024-09-10-follow-up
> meetings/2024-09-20-review
> ana-bell.md
> bo-chen-lee.md
2> kb: 8 files checked: 0 errors, 0 warnings

# What rename writes reads back in PyYAML as the same fields with the new name.
$ cp -r "$FIXTURES/rename" kb && kb --kb kb rename SI "Sea Institute of Oceanography" >/dev/null && python3 -c 'import yaml,sys; [print(yaml.safe_load(open(p).read().split("---")[1])) for p in sys.argv[1:]]' kb/orgs/sea-institute-of-oceanography.md kb/people/bo-chen.md kb/meetings/2024-09-02-kickoff.md
> {'type': 'organization', 'name': 'Sea Institute of Oceanography', 'aliases': ['SI', 'Sea Institute']}
> {'type': 'person', 'name': 'Bo Chen', 'affiliations': [{'org': 'Sea Institute of Oceanography', 'role': 'Director'}]}
> {'title': 'Kickoff with the Sea Institute', 'date': datetime.date(2024, 9, 2), 'attendees': ['Ana Bell', 'Bo Chen'], 'organizations': ['Sea Institute of Oceanography'], 'topics': ['Tides']}
2> kb: 1 use of an alias was left as written (they still name it)

# Uses of an alias are left as written (they still name the record).
$ cp -r "$FIXTURES/rename" kb && kb --kb kb rename "Ana Bell" "Ana Bell-Ruiz" && grep -h "A. Bell" kb/meetings/*.md
> people/ana-bell.md: 'Ana Bell' is now 'Ana Bell-Ruiz'
> meetings/2024-09-02-kickoff.md: 3 names renamed
> meetings/2024-09-10-follow-up.md: 2 names renamed
> people/bo-chen.md: 1 name renamed
> renamed people/ana-bell.md to people/ana-bell-ruiz.md
> Notes by [A. Bell](../people/ana-bell-ruiz.md); profile at [[people/bo-chen]].
>   - A. Bell
> [[Bo Chen]] and [[A. Bell]] reviewed.
2> kb: 2 uses of its aliases were left as written (they still name it)

# --no-alias: the old name is gone from the KB; a spelling-only change adds no alias.
$ cp -r "$FIXTURES/rename" kb && kb --kb kb rename Tides "Tidal energy" --no-alias >/dev/null && head -4 kb/topics/tidal-energy.md && kb --kb kb query --topic Tides
> ---
> type: topic
> name: Tidal energy
> ---
2> kb: error: unknown topic 'Tides'
? 1

$ cp -r "$FIXTURES/rename" kb && kb --kb kb rename "tides" "TIDES" >/dev/null && cat kb/topics/tides.md
> ---
> type: topic
> name: TIDES
> ---

# A new name another record has is refused; the two are merged with kb merge.
$ cp -r "$FIXTURES/rename" kb && kb --kb kb rename "Bo Chen" "ana bell"
2> kb: error: 'ana bell' already names another person: 'Ana Bell' (people/ana-bell.md); to make them one, use 'kb merge'
? 1

$ cp -r "$FIXTURES/rename" kb && kb --kb kb rename "Nobody Here" X
2> kb: error: unknown name 'Nobody Here' (try 'kb list people', 'kb list orgs' or 'kb list topics')
? 1

# A note kb cannot edit safely (an anchor on the name) stops the rename before anything is
# written, naming the note.
$ cp -r "$FIXTURES/rename" kb && sed -i 's/  - bo chen/  - \&b bo chen/' kb/meetings/2024-09-20-review.md && kb --kb kb rename "Bo Chen" "Bo Lee"; git diff --no-index --stat "$FIXTURES/rename" kb | tail -1
>  1 file changed, 1 insertion(+), 1 deletion(-)
2> kb: error: meetings/2024-09-20-review.md: kb cannot rewrite its names safely; edit it by hand
2> kb: error: nothing was renamed

# A note that cannot be written (read-only) stops it too: the notes written before it are put
# back, so the KB is as it was.
$ cp -r "$FIXTURES/rename" kb && chmod 444 kb/orgs/sea-institute.md && kb --kb kb rename "Bo Chen" "Bo Lee"; chmod 644 kb/orgs/sea-institute.md; diff -r -x .kb "$FIXTURES/rename" kb && echo unchanged
> unchanged
2> kb: error: cannot write 'orgs/sea-institute.md': it is read-only; kb does not change a note's permissions (make it writable to edit it)
2> kb: error: nothing was changed (the notes written before it were put back)

# kill -9 at any moment leaves each note whole: either as it was or as the rename writes it
# (the record's own note is written first, the file renamed last), and the KB in between
# checks clean and answers the same.
$ cp -r "$FIXTURES/rename" done && kb --kb done rename "Bo Chen" "Bo Lee" >/dev/null && for i in $(seq 1 25); do rm -rf k && cp -r "$FIXTURES/rename" k && { kb --kb k rename "Bo Chen" "Bo Lee" >/dev/null 2>&1 & pid=$!; sleep 0.0$((i % 10)); kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null; } ; for f in $(cd "$FIXTURES/rename" && find . -name '*.md'); do cmp -s "k/$f" "$FIXTURES/rename/$f" || cmp -s "k/$f" "done/$f" || { [ "$f" = ./people/bo-chen.md ] && { cmp -s k/people/bo-chen.md done/people/bo-lee.md || cmp -s k/people/bo-lee.md done/people/bo-lee.md; }; } || echo "torn: $i $f"; done; kb --kb k -q check >/dev/null 2>&1 || echo "does not check clean: $i"; [ "$(kb --kb k query --person 'Bo Chen' --format ids 2>&1 | wc -l)" = 3 ] || echo "lost a meeting: $i"; done; echo checked
> checked


# kb add at the same time as a rename: every meeting is written, the rename goes through, and
# the new meetings (which may say the old name) name the renamed person all the same.
$ cp -r "$FIXTURES/rename" k && for i in 1 2 3 4 5 6; do kb -q --kb k add meeting --title "Call $i" --date 2024-10-0$i --attendee "Bo Chen" >/dev/null & done; kb -q --kb k rename "Bo Chen" "Bo Lee" >/dev/null; echo "rename: $?"; wait; kb -q --kb k check && kb --kb k query --person "Bo Lee" --format ids | wc -l
> rename: 0
> 9
