# Issue 24: the index cache never leaks, escapes or lies. Each case works on its own copy of
# the sample KB without a cache ($WORK/kb), with the cache on even in the runner's no-cache pass.
#
# Escape: kb never follows a symbolic link in `.kb/` nor opens anything there but a folder and
# regular files. A `.kb` that is a link (or no folder), or a cache file that is a link or no
# regular file, is refused with one warning; the command runs without the cache and nothing is
# written where the link points.
$ unset KB_NO_CACHE; cp -R "$RECORDS" "$WORK/kb"; rm -rf "$WORK/kb/.kb"; mkdir "$WORK/elsewhere" && ln -s "$WORK/elsewhere" "$WORK/kb/.kb" && cd "$WORK/kb" && kb --kb . query --org IESALC --format ids && kb --kb . -q query --org IESALC --format ids && kb --kb . cache status && ls -A "$WORK/elsewhere" && echo "elsewhere: empty"
> meetings/2024/2024-09-02-unesco-iesalc
> meetings/2024/2024-09-02-unesco-iesalc
> cache: not used (.kb is a symbolic link)
> elsewhere: empty
2> kb: warning: .kb is a symbolic link; running without the cache

# `kb cache clear` removes nothing where such a link points.
$ unset KB_NO_CACHE; cp -R "$RECORDS" "$WORK/kb"; rm -rf "$WORK/kb/.kb"; mkdir "$WORK/elsewhere" && touch "$WORK/elsewhere/cache.sqlite" && ln -s "$WORK/elsewhere" "$WORK/kb/.kb" && cd "$WORK/kb" && kb --kb . cache clear; ls -A "$WORK/elsewhere"
> cache.sqlite
2> kb: error: .kb is a symbolic link (remove it yourself)

$ unset KB_NO_CACHE; cp -R "$RECORDS" "$WORK/kb"; rm -rf "$WORK/kb/.kb"; echo "not a folder" > "$WORK/kb/.kb" && cd "$WORK/kb" && kb --kb . query --org IESALC --format ids && cat .kb
> meetings/2024/2024-09-02-unesco-iesalc
> not a folder
2> kb: warning: .kb is not a folder; running without the cache

$ unset KB_NO_CACHE; cp -R "$RECORDS" "$WORK/kb"; rm -rf "$WORK/kb/.kb"; mkdir "$WORK/kb/.kb" && ln -s ../../outside "$WORK/kb/.kb/cache.sqlite" && cd "$WORK/kb" && kb --kb . query --org IESALC --format ids && ls -A .kb && { [ -e "$WORK/outside" ] || echo "nothing outside"; }
> meetings/2024/2024-09-02-unesco-iesalc
> cache.sqlite
> nothing outside
2> kb: warning: .kb/cache.sqlite is a symbolic link; running without the cache

# The same for the WAL companions and the snapshot, after a run that made the cache.
$ unset KB_NO_CACHE; cp -R "$RECORDS" "$WORK/kb"; rm -rf "$WORK/kb/.kb"; cd "$WORK/kb" && kb --kb . query --org IESALC --format ids >/dev/null && for f in cache.sqlite-wal cache.sqlite-shm cache.sqlite-graph; do rm -f .kb/$f && ln -s ../../outside .kb/$f && kb --kb . query --org IESALC --format ids && rm .kb/$f; done; [ -e "$WORK/outside" ] || echo "nothing outside"
> meetings/2024/2024-09-02-unesco-iesalc
> meetings/2024/2024-09-02-unesco-iesalc
> meetings/2024/2024-09-02-unesco-iesalc
> nothing outside
2> kb: warning: .kb/cache.sqlite-wal is a symbolic link; running without the cache
2> kb: warning: .kb/cache.sqlite-shm is a symbolic link; running without the cache
2> kb: warning: .kb/cache.sqlite-graph is a symbolic link; running without the cache

# The rollback journal an empty cache is filled through, a link before the first run.
$ unset KB_NO_CACHE; cp -R "$RECORDS" "$WORK/kb"; rm -rf "$WORK/kb/.kb"; mkdir -m 700 "$WORK/kb/.kb"; ln -s ../../outside "$WORK/kb/.kb/cache.sqlite-journal"; cd "$WORK/kb" && kb --kb . query --org IESALC --format ids; [ -e "$WORK/outside" ] || echo "nothing outside"
> meetings/2024/2024-09-02-unesco-iesalc
> nothing outside
2> kb: warning: .kb/cache.sqlite-journal is a symbolic link; running without the cache

# A FIFO in place of the snapshot is never opened (it would block).
$ unset KB_NO_CACHE; cp -R "$RECORDS" "$WORK/kb"; rm -rf "$WORK/kb/.kb"; cd "$WORK/kb" && kb --kb . query --org IESALC --format ids >/dev/null && rm .kb/cache.sqlite-graph && mkfifo .kb/cache.sqlite-graph && timeout 20 kb --kb . query --org IESALC --format ids && kb --kb . cache status
> meetings/2024/2024-09-02-unesco-iesalc
> cache: not used (.kb/cache.sqlite-graph is not a regular file)
2> kb: warning: .kb/cache.sqlite-graph is not a regular file; running without the cache

# Leak: the cache holds the notes' text, so `.kb` is private (0700) and so are its files (0600);
# a `.kb` made by an older kb (0755, files 0644) is tightened on the next run.
$ unset KB_NO_CACHE; cp -R "$RECORDS" "$WORK/kb"; rm -rf "$WORK/kb/.kb"; cd "$WORK/kb" && kb --kb . query --org IESALC --format ids >/dev/null && stat -c '%a %n' .kb .kb/* && chmod 755 .kb && chmod 644 .kb/* && kb --kb . query --org IESALC --format ids >/dev/null && stat -c '%a %n' .kb .kb/*
> 700 .kb
> 600 .kb/cache.sqlite
> 600 .kb/cache.sqlite-graph
> 700 .kb
> 600 .kb/cache.sqlite
> 600 .kb/cache.sqlite-graph

# Another user who cannot read a private note cannot read its text through the cache either
# (the first line shows that the cache does hold it).
$ unset KB_NO_CACHE; chmod 755 "$WORK"; cp -R "$RECORDS" "$WORK/kb"; rm -rf "$WORK/kb/.kb"; cd "$WORK/kb" && m=meetings/2024/2024-09-02-unesco-iesalc.md && printf '\nProject Nightingale is private.\n' >> $m && chmod 600 $m && kb --kb . query --text Nightingale --format ids && grep -a -c Nightingale .kb/cache.sqlite; "$SRC/tests/e2e/as_nobody" cat .kb/cache.sqlite .kb/cache.sqlite-graph; "$SRC/tests/e2e/as_nobody" kb --kb . query --text Nightingale --format ids
> meetings/2024/2024-09-02-unesco-iesalc
> 1
2> cat: .kb/cache.sqlite: Permission denied
2> cat: .kb/cache.sqlite-graph: Permission denied
2> kb: 1 file has problems, 1 skipped (run 'kb check')
2> kb: no meetings match

# Lie: a note rewritten in place to the same size with its old mtime put back (`cp -p`,
# `touch -d`), or deleted and written again (its inode may be reused), is seen at once: the
# stamps hold the inode change time, which no user can set.
$ unset KB_NO_CACHE; cp -R "$RECORDS" "$WORK/kb"; rm -rf "$WORK/kb/.kb"; cd "$WORK/kb" && find . -name '*.md' -exec touch -d '2024-01-01 00:00' {} + && m=meetings/2024/2024-09-02-unesco-iesalc.md && kb --kb . query --org IESALC >/dev/null && sed 's/^title: Bilateral meeting with UNESCO-IESALC/title: Bilateral meeting with UNESCO-XXXXXX/' $m > "$WORK/new" && cat "$WORK/new" > $m && touch -d '2024-01-01 00:00' $m && kb --kb . query --org IESALC --format md
> | DATE | TIME | TITLE | ORGANIZATIONS | ID |
> | --- | --- | --- | --- | --- |
> | 2024-09-02 |  | Bilateral meeting with UNESCO-XXXXXX | UNESCO-ICHEI, UNESCO-IESALC | meetings/2024/2024-09-02-unesco-iesalc |

$ unset KB_NO_CACHE; cp -R "$RECORDS" "$WORK/kb"; rm -rf "$WORK/kb/.kb"; cd "$WORK/kb" && find . -name '*.md' -exec touch -d '2024-01-01 00:00' {} + && m=meetings/2024/2024-09-02-unesco-iesalc.md && kb --kb . query --org IESALC >/dev/null && sed 's/^title: Bilateral meeting with UNESCO-IESALC/title: Bilateral meeting with UNESCO-YYYYYY/' $m > "$WORK/new" && touch -r $m "$WORK/new" && cp -p "$WORK/new" $m && kb --kb . query --org IESALC --format ids --text YYYYYY && rm $m && cp -p "$WORK/new" "$WORK/kb/$m.tmp" && sed -i 's/YYYYYY/ZZZZZZ/' "$WORK/kb/$m.tmp" && touch -r "$WORK/new" "$WORK/kb/$m.tmp" && mv "$WORK/kb/$m.tmp" $m && kb --kb . query --org IESALC --format md
> meetings/2024/2024-09-02-unesco-iesalc
> | DATE | TIME | TITLE | ORGANIZATIONS | ID |
> | --- | --- | --- | --- | --- |
> | 2024-09-02 |  | Bilateral meeting with UNESCO-ZZZZZZ | UNESCO-ICHEI, UNESCO-IESALC | meetings/2024/2024-09-02-unesco-iesalc |

# A cache of the table layout before the inode change time was stamped is replaced, not
# written into.
$ unset KB_NO_CACHE; cp -R "$RECORDS" "$WORK/kb"; rm -rf "$WORK/kb/.kb"; cd "$WORK/kb" && mkdir .kb && sqlite3 .kb/cache.sqlite "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL); CREATE TABLE entries(path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime INTEGER NOT NULL, inode INTEGER NOT NULL, device INTEGER NOT NULL, hash INTEGER NOT NULL, stored INTEGER NOT NULL, data BLOB NOT NULL); INSERT INTO meta VALUES('version', 'kb 0.9 format 3')" && kb --kb . query --org IESALC --format ids && kb --kb . cache status | grep entries
> meetings/2024/2024-09-02-unesco-iesalc
> entries: 33

