# Issue 24: the index cache never leaks, escapes or lies. Each case works on its own copy of
# the sample KB without a cache ($WORK/kb), with the cache on even in the runner's no-cache pass.
#
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

