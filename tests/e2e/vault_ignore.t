# Template folders and excluded files are not notes (tests/fixtures/vault_ignore): Obsidian's
# Templates folder (.obsidian/templates.json), Templater's folder (its data.json), Obsidian's
# "Excluded files" (userIgnoreFilters in .obsidian/app.json: a path prefix and a /regex/) and
# kb.yaml's `ignore:` globs. Each ignored file would be a diagnostic if it were read.
$ kb --kb "$FIXTURES/vault_ignore" check
2> kb: 2 files checked: 0 errors, 0 warnings

$ kb --kb "$FIXTURES/vault_ignore" list meetings --format ids; kb --kb "$FIXTURES/vault_ignore" list people --format ids
> Meetings/2024-09-02 Planning call
> People/Grace Hopper

# Without the settings, every one of them is a note again (and a problem).
$ cd "$FIXTURES/vault_ignore" && rm -r .obsidian kb.yaml && kb --kb . check
> Archive/2019-05-01 Old meeting.md:4:7: error: invalid date '2019-05-32' (expected YYYY-MM-DD)
> Drawings/Plan.excalidraw.md:4:1: error: invalid YAML: end of sequence flow not found
> Meta/Templates/Meeting.md:3:9: error: a front matter key must be plain text
> Meta/Templates/Meeting.md:8:17: warning: unresolved link '[[{{owner}}]]'
> Meta/Templates/Meeting.md:8:35: warning: invalid due date '{{due}}' (expected YYYY-MM-DD)
> Templater/Person.md:6:10: warning: unresolved link '[[<% tp.system.prompt("Organization") %>]]'
> Work/_drafts/Idea.md:1:1: error: missing required field 'date'
2> kb: 7 files checked: 4 errors, 3 warnings, 2 skipped
? 1

# A changed ignore list takes effect at once, with the index cache as without it: an excluded
# folder taken out of app.json, the templates folder setting removed, kb.yaml's globs changed.
$ unset KB_NO_CACHE; cd "$FIXTURES/vault_ignore" && kb --kb . check && printf '{"userIgnoreFilters": ["/\\\\.excalidraw\\\\.md$/"]}\n' > .obsidian/app.json && kb --kb . check; rm .obsidian/templates.json && kb --kb . check; printf 'ignore: [Archive/**, Meta/**]\n' > kb.yaml && kb --kb . check; ls .kb
> Archive/2019-05-01 Old meeting.md:4:7: error: invalid date '2019-05-32' (expected YYYY-MM-DD)
> Archive/2019-05-01 Old meeting.md:4:7: error: invalid date '2019-05-32' (expected YYYY-MM-DD)
> Meta/Templates/Meeting.md:3:9: error: a front matter key must be plain text
> Meta/Templates/Meeting.md:8:17: warning: unresolved link '[[{{owner}}]]'
> Meta/Templates/Meeting.md:8:35: warning: invalid due date '{{due}}' (expected YYYY-MM-DD)
> Work/_drafts/Idea.md:1:1: error: missing required field 'date'
> cache.sqlite
> cache.sqlite-graph
2> kb: 2 files checked: 0 errors, 0 warnings
2> kb: 3 files checked: 1 error, 0 warnings, 1 skipped
2> kb: 4 files checked: 2 errors, 2 warnings, 1 skipped
2> kb: 3 files checked: 1 error, 0 warnings, 1 skipped

# A settings file that does not parse is a warning at the place in it; the others still apply,
# and every command works.
$ cd "$FIXTURES/vault_ignore" && printf '{\n  "templates_folder": "Templater",\n' > .obsidian/plugins/templater-obsidian/data.json && kb --kb . check; kb --kb . list meetings --format ids
> .obsidian/plugins/templater-obsidian/data.json:3:1: warning: invalid JSON: syntax error while parsing object key - unexpected end of input; expected string literal; Templater's templates folder is read as notes
> Templater/Person.md:6:10: warning: unresolved link '[[<% tp.system.prompt("Organization") %>]]'
> Meetings/2024-09-02 Planning call
2> kb: 3 files checked: 0 errors, 2 warnings

$ cd "$FIXTURES/vault_ignore" && printf '{"folder": ["Meta/Templates"]}' > .obsidian/templates.json && printf '{"userIgnoreFilters": ["Archive/", "/(unclosed/"]}' > .obsidian/app.json && kb --kb . check
> .obsidian/app.json:1:36: warning: invalid regular expression '/(unclosed/' in 'userIgnoreFilters' (Mismatched '(' and ')' in regular expression); it is left out
> .obsidian/templates.json:1:12: warning: 'folder' is not a folder name; Obsidian's templates folder is read as notes
> Drawings/Plan.excalidraw.md:4:1: error: invalid YAML: end of sequence flow not found
> Meta/Templates/Meeting.md:3:9: error: a front matter key must be plain text
> Meta/Templates/Meeting.md:8:17: warning: unresolved link '[[{{owner}}]]'
> Meta/Templates/Meeting.md:8:35: warning: invalid due date '{{due}}' (expected YYYY-MM-DD)
2> kb: 4 files checked: 2 errors, 4 warnings
? 1

# kb.yaml's ignore: a list of globs, or one glob; anything else is an error at its place.
$ cd "$FIXTURES/vault_ignore" && printf 'ignore:\n  - "**/_drafts"\n  - {folder: Templates}\n' > kb.yaml && kb --kb . check
> kb.yaml:3:5: error: invalid 'ignore' entry (expected a glob such as 'Templates/**')
2> kb: 2 files checked: 1 error, 0 warnings
? 1

