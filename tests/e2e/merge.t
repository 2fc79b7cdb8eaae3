# kb merge (issue 25): two records of one person become one. --dry-run shows the diff (the
# duplicate's names become aliases, its new affiliation and fields move, a field both give
# differently and its body are kept under "Merged from") and writes nothing.
$ cp -r "$FIXTURES/merge" kb && kb --kb kb merge "Ana Belle" "Ana Bell" --dry-run && diff -r -x .kb "$FIXTURES/merge" kb && echo unchanged
> --- a/meetings/2024-09-12-call.md
> +++ b/meetings/2024-09-12-call.md
> @@ -2,7 +2,7 @@
>  title: Call
>  date: 2024-09-12
>  attendees:
> -  - "[[Ana Belle]]"
> +  - "[[Ana Bell]]"
>    - Ana B.
>  ---
> -[[Ana Belle|Ana]] called; notes in [her page](../people/ana-belle.md).
> +[[Ana Bell|Ana]] called; notes in [her page](../people/ana-bell.md).
> --- a/people/ana-bell.md
> +++ b/people/ana-bell.md
> @@ -1,11 +1,22 @@
>  ---
>  type: person
>  name: Ana Bell
> -aliases: [A. Bell]
> +aliases: [A. Bell, Ana Belle, Ana B.]
>  honorific: Ms.
>  email: ana@example.org
>  affiliations:
>    - org: Home Office
>      role: Officer
> +  - org: Sea Institute
> +    role: Advisor
> +    since: 2024-06-01
> +phone: "+33 1 23 45 67"
> +tags: [alumni]
>  ---
>  Met at the spring forum.
> +
> +## Merged from Ana Belle
> +
> +- honorific: Dr. (kept: Ms.)
> +
> +Prefers calls in the morning. Same person as [[Ana Bell]]?
> delete people/ana-belle.md
> unchanged
2> kb: warning: both give honorific: Dr. (kept: Ms.)

# The merge: every note that named the duplicate names the record kept, the duplicate's note
# is deleted, and queries by either name find both meetings; the KB then checks clean.
$ cp -r "$FIXTURES/merge" kb && kb --kb kb merge "Ana Belle" "Ana Bell" && cat kb/meetings/2024-09-12-call.md && ls kb/people && kb --kb kb query --person "Ana Belle" --format ids && kb --kb kb check
> meetings/2024-09-12-call.md: 3 names now 'Ana Bell'
> people/ana-bell.md: alias 'Ana Belle' from 'Ana Belle'
> people/ana-bell.md: alias 'Ana B.' from 'Ana Belle'
> people/ana-bell.md: affiliation 'Sea Institute' (Advisor) from 'Ana Belle'
> people/ana-bell.md: field 'phone' from 'Ana Belle'
> people/ana-bell.md: field 'tags' from 'Ana Belle'
> deleted people/ana-belle.md
> 'Ana Belle' is merged into 'Ana Bell' (people/ana-bell.md)
> ---
> title: Call
> date: 2024-09-12
> attendees:
>   - "[[Ana Bell]]"
>   - Ana B.
> ---
> [[Ana Bell|Ana]] called; notes in [her page](../people/ana-bell.md).
> ana-bell.md
> meetings/2024-09-02-forum
> meetings/2024-09-12-call
2> kb: warning: people/ana-bell.md: both give honorific: Dr. (kept: Ms.); kept under '## Merged from Ana Belle'
2> kb: 5 files checked: 0 errors, 0 warnings

# What merge writes reads back in PyYAML.
$ cp -r "$FIXTURES/merge" kb && kb --kb kb merge "Ana Belle" "Ana Bell" >/dev/null 2>&1 && python3 -c 'import yaml; print(yaml.safe_load(open("kb/people/ana-bell.md").read().split("---")[1]))'
> {'type': 'person', 'name': 'Ana Bell', 'aliases': ['A. Bell', 'Ana Belle', 'Ana B.'], 'honorific': 'Ms.', 'email': 'ana@example.org', 'affiliations': [{'org': 'Home Office', 'role': 'Officer'}, {'org': 'Sea Institute', 'role': 'Advisor', 'since': datetime.date(2024, 6, 1)}], 'phone': '+33 1 23 45 67', 'tags': ['alumni']}

# Records of two types, one record twice, a meeting: refused.
$ cp -r "$FIXTURES/merge" kb && kb --kb kb merge "Sea Institute" "Ana Bell"
2> kb: error: 'Sea Institute' is an organization and 'Ana Bell' a person; kb merges two records of one type
? 1

$ cp -r "$FIXTURES/merge" kb && kb --kb kb merge "Ana Belle" "Ana B."
2> kb: error: 'Ana Belle' and 'Ana B.' are one record already (people/ana-belle.md)
? 1

$ cp -r "$FIXTURES/merge" kb && kb --kb kb merge Forum Call
2> kb: error: 'Forum' is a meeting; kb merges people, organizations, topics and events
? 1

# A note kb cannot write (read-only) stops it: what was written is put back, nothing changed.
$ cp -r "$FIXTURES/merge" kb && chmod 444 kb/meetings/2024-09-12-call.md && kb --kb kb merge "Ana Belle" "Ana Bell"; chmod 644 kb/meetings/2024-09-12-call.md; diff -r -x .kb "$FIXTURES/merge" kb && echo unchanged
> unchanged
2> kb: error: cannot write 'meetings/2024-09-12-call.md': it is read-only; kb does not change a note's permissions (make it writable to edit it)
2> kb: error: nothing was changed (the notes written before it were put back)

