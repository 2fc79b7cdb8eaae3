# What Obsidian shows as text is not a link or a tag (tests/fixtures/vault_escapes): escaped
# `\[\[...\]\]` and `\[[...]]`, `\#tag`, and anything in a code span or a code block, in the
# body and in action items (where a link there would make its owner).
$ kb --kb "$FIXTURES/vault_escapes" check
2> kb: 3 files checked: 0 errors, 0 warnings

# The code span's [[link]] does not make an owner and is shown as written; the escaped one
# neither.
$ kb --kb "$FIXTURES/vault_escapes" actions --all
> DUE         DONE  OWNER         ACTION                                                       MEETING                     LINE
> 2024-09-09        Grace Hopper  Explain `[[Linus Torvalds]]` links to the team Grace Hopper  meetings/2024-09-02-review  15
>                                 Document \[[Linus Torvalds]] escapes                         meetings/2024-09-02-review  16

# Mentions and tags: only the real [[Grace Hopper]] and #reviewed.
$ kb --kb "$FIXTURES/vault_escapes" export sqlite e.db >/dev/null 2>&1; sqlite3 -separator ' | ' e.db "SELECT source, kind, text, line FROM links ORDER BY line, kind" "SELECT id, tags FROM records WHERE tags != '[]'"
> meetings/2024-09-02-review | attendee | Grace Hopper | 4
> meetings/2024-09-02-review | mention | Grace Hopper | 6
> meetings/2024-09-02-review | mention | Grace Hopper | 15
> meetings/2024-09-02-review | ["reviewed"]

