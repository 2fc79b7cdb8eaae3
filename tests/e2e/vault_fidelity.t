# Issue 23: a vault read as its own app reads it (tests/fixtures/vault_fidelity). Markdown
# links name notes from the linking note's folder, with or without `.md`; a [[wikilink]] with a
# Foam link reference definition names the definition's note; embeds of files are no links; tasks follow
# the Tasks plugin (quotes, callouts, any status, ⌛, code spans); Dataview inline fields are
# fields. Embeds of files are found by name anywhere, by a path's end, letter case aside, with a
# size or a heading. The only problems are the one Markdown link and the embeds of a note and
# of files the vault does not have (`gone.png`; `notes/pic.png`, a path where it is not).
$ kb --kb "$FIXTURES/vault_fidelity" check
> notes/embeds.md:6:27: warning: missing embed '![[missing-note]]' (no note of that name)
> notes/embeds.md:9:30: warning: missing embed '![[gone.png]]' (no file of that name)
> notes/embeds.md:9:63: warning: missing embed '![[notes/pic.png]]' (no file of that name)
> notes/links.md:9:25: warning: unresolved link '[[sub/missing]]'
2> kb: 6 files checked: 0 errors, 4 warnings

# Each link and the note it names.
$ kb --kb "$FIXTURES/vault_fidelity" export sqlite f.db >/dev/null 2>&1; sqlite3 -separator ' | ' f.db "SELECT source, coalesce(target, '-'), text, line FROM links WHERE kind='mention' ORDER BY source, line, text"
> notes/embeds | notes/fa2k | fa2k | 4
> notes/embeds | - | missing-note | 6
> notes/links | notes/sub/b | notes/sub/b | 3
> notes/links | notes/sub/b | sub/b | 3
> notes/links | top | top | 3
> notes/links | Meetings/2024-09-02 Standup | Meetings/2024-09-02 Standup | 4
> notes/links | notes/fa2k | fa2k | 4
> notes/links | top | top | 4
> notes/links | - | sub/missing | 9
> notes/links | notes/fa2k | fa2k | 11
> notes/links | notes/sub/b | sub/b | 11

# Tasks as the Tasks plugin reads them: in quotes and callouts; `[>]`, `[!]`, `[?]`, `[/]` open,
# `[-]` cancelled, `[X]` done; ⌛ is scheduled; a date in a code span is text.
$ kb --kb "$FIXTURES/vault_fidelity" export sqlite f.db >/dev/null 2>&1; sqlite3 -separator ' | ' f.db "SELECT line, text, coalesce(due, '-'), done, cancelled, coalesce(scheduled, '-') FROM actions ORDER BY line"
> 13 | Quoted task 📅 2024-09-05 | 2024-09-05 | 0 | 0 | -
> 16 | Callout task 📅 2024-09-06 | 2024-09-06 | 0 | 0 | -
> 18 | Forwarded task ⌛ 2024-09-04 | - | 0 | 0 | 2024-09-04
> 19 | Important task `📅 2024-01-01` 📅 2024-09-20 | 2024-09-20 | 0 | 0 | -
> 20 | Question task | - | 0 | 0 | -
> 21 | Task in progress | - | 0 | 0 | -
> 22 | Cancelled task | - | 0 | 1 | -
> 23 | Done with a capital X ✅ 2024-09-02 | - | 1 | 0 | -
> 24 | Weekly report 🔁 every week 📅 2024-09-09 ^weekly1 | 2024-09-09 | 0 | 0 | -

$ kb --kb "$FIXTURES/vault_fidelity" actions --today 2024-09-03
> DUE         DONE  OWNER  ACTION                          MEETING                      LINE
> 2024-09-05               Quoted task                     Meetings/2024-09-02 Standup  13
> 2024-09-06               Callout task                    Meetings/2024-09-02 Standup  16
> 2024-09-09               Weekly report 🔁 every week     Meetings/2024-09-02 Standup  24
> 2024-09-20               Important task `📅 2024-01-01`  Meetings/2024-09-02 Standup  19
>                          Forwarded task                  Meetings/2024-09-02 Standup  18
>                          Question task                   Meetings/2024-09-02 Standup  20
>                          Task in progress                Meetings/2024-09-02 Standup  21

# Dataview inline fields (`key:: value`, `[key:: value]`, `(key:: value)`) are fields for
# --where, --has and show, letter case aside; `code:: ...` in a code span is not one.
$ kb --kb "$FIXTURES/vault_fidelity" query --where status="in progress" --has mood --has PLACE --format ids; kb --kb "$FIXTURES/vault_fidelity" query --has code
> Meetings/2024-09-02 Standup
2> kb: no meetings match

$ kb --kb "$FIXTURES/vault_fidelity" show Standup
> Standup  meeting · Meetings/2024-09-02 Standup
> Date: Mon 2 September 2024
> Status: in progress
> Room: B2
> mood: good
> place: the small room
>
> Summary
>   We met [mood:: good] in (place:: the small room); code:: not a field.
>
> Actions
>   [ ] Quoted task  Meetings/2024-09-02 Standup:13
>   [ ] Callout task  Meetings/2024-09-02 Standup:16
>   [ ] Forwarded task  Meetings/2024-09-02 Standup:18
>   [ ] Important task `📅 2024-01-01`  Meetings/2024-09-02 Standup:19
>   [ ] Question task  Meetings/2024-09-02 Standup:20
>   [ ] Task in progress  Meetings/2024-09-02 Standup:21
>   [-] Cancelled task  Meetings/2024-09-02 Standup:22
>   [x] Done with a capital X  Meetings/2024-09-02 Standup:23
>   [ ] Weekly report 🔁 every week  Meetings/2024-09-02 Standup:24

# Done on a recurring task: its next occurrence above it, as Tasks writes it (dates moved by
# the interval, no block id); the block id stays at the end of the done line.
$ kb --kb "$FIXTURES/vault_fidelity" actions done "Weekly report" --today 2024-09-10 && tail -2 "$FIXTURES/vault_fidelity/Meetings/2024-09-02 Standup.md"
> Meetings/2024-09-02 Standup.md:24: - [ ] Weekly report 🔁 every week 📅 2024-09-16
> Meetings/2024-09-02 Standup.md:25: - [x] Weekly report 🔁 every week 📅 2024-09-09 ✅ 2024-09-10 ^weekly1
> - [ ] Weekly report 🔁 every week 📅 2024-09-16
> - [x] Weekly report 🔁 every week 📅 2024-09-09 ✅ 2024-09-10 ^weekly1

# The Tasks plugin's global filter: only the task lines that hold it are actions, shown without
# it; the cache's snapshot follows the setting (the same KB read before and after).
$ kb --kb "$FIXTURES/vault_fidelity" actions --today 2024-09-03 --format ids | wc -l && mkdir -p "$FIXTURES/vault_fidelity/.obsidian/plugins/obsidian-tasks-plugin" && printf '{"globalFilter": "task"}' > "$FIXTURES/vault_fidelity/.obsidian/plugins/obsidian-tasks-plugin/data.json" && kb --kb "$FIXTURES/vault_fidelity" actions --today 2024-09-03 --all
> 7
> DUE         DONE       OWNER  ACTION                     MEETING                      LINE
> 2024-09-05                    Quoted                     Meetings/2024-09-02 Standup  13
> 2024-09-06                    Callout                    Meetings/2024-09-02 Standup  16
> 2024-09-20                    Important `📅 2024-01-01`  Meetings/2024-09-02 Standup  19
>                               Forwarded                  Meetings/2024-09-02 Standup  18
>                               Question                   Meetings/2024-09-02 Standup  20
>             cancelled         Cancelled                  Meetings/2024-09-02 Standup  22

# The files a vault has are looked at on every run, also when the graph comes from the cache:
# once gone.png is there, its embed is no problem; once pic.png goes, its embeds are.
$ kb --kb "$FIXTURES/vault_fidelity" -q check >/dev/null; touch "$FIXTURES/vault_fidelity/gone.png"; kb --kb "$FIXTURES/vault_fidelity" check 2>&1 | grep -c gone.png; rm "$FIXTURES/vault_fidelity/assets/pic.png"; kb --kb "$FIXTURES/vault_fidelity" check 2>&1 | grep -i pic.png
> 0
> notes/embeds.md:3:11: warning: missing embed '![[pic.png]]' (no file of that name)
> notes/embeds.md:8:40: warning: missing embed '![[assets/pic.png]]' (no file of that name)
> notes/embeds.md:8:65: warning: missing embed '![[PIC.png]]' (no file of that name)
> notes/embeds.md:9:63: warning: missing embed '![[notes/pic.png]]' (no file of that name)
