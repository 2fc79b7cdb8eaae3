# A hostile tree built at run time (tests/e2e/hostile_tree.sh): a symlink loop, a FIFO, a 50 MB
# note, 100,000-deep nesting, an alias bomb, a binary x.md, a folder foo.md/, an unreadable
# file and a note reached by two paths. kb runs as 'nobody' when the tests run as root, so the
# unreadable file really is unreadable. `timeout 60` turns a hang into exit code 124.
$ bash "$SRC/tests/e2e/hostile_tree.sh" "$WORK/tree" && "$SRC/tests/e2e/as_nobody" timeout 60 kb --kb "$WORK/tree" check
> big.md: warning: file is larger than 16 MiB; skipped
> bomb.md:6:1: error: front matter has too many values (more than 100000; check for repeated aliases '*')
> deep.md:2:68: error: front matter is nested too deeply (more than 64 levels)
> fifo.md: warning: not a regular file; skipped
> loop/up: warning: symbolic link loop; skipped
> secret.md: error: cannot read file: Permission denied
> self.md: warning: symbolic link loop; skipped
> x.md:4:1: error: binary file (contains a NUL byte); skipped
2> kb: 7 files checked: 4 errors, 4 warnings, 2 skipped
? 1

$ bash "$SRC/tests/e2e/hostile_tree.sh" "$WORK/tree" && "$SRC/tests/e2e/as_nobody" timeout 60 kb --kb "$WORK/tree" query --org UNESCO --format ids
> meetings/2024-09-02-good
> foo.md/inside
2> kb: 4 files have problems, 2 skipped (run 'kb check')

$ bash "$SRC/tests/e2e/hostile_tree.sh" "$WORK/tree" && "$SRC/tests/e2e/as_nobody" timeout 60 kb --kb "$WORK/tree" list meetings --format ids
> meetings/2024-09-02-good
> foo.md/inside
2> kb: 4 files have problems, 2 skipped (run 'kb check')

