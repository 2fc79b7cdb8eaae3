# make install with DESTDIR and PREFIX (cmake --install of the build under test, as the
# Makefile's install target runs it): the binary, man page, templates and completions land
# under the staging root, and the installed kb works from another folder.
$ build=$(dirname "$(sed -n 's/^exec "\(.*\)" "\$@"$/\1/p' "$(command -v kb)")"); DESTDIR="$WORK/stage" cmake --install "$build" --prefix /usr/local >/dev/null && cd "$WORK/stage" && find . -type f | sort | grep -v '/templates/'
> ./usr/local/bin/kb
> ./usr/local/share/bash-completion/completions/kb
> ./usr/local/share/fish/vendor_completions.d/kb.fish
> ./usr/local/share/man/man1/kb.1
> ./usr/local/share/zsh/site-functions/_kb

$ build=$(dirname "$(sed -n 's/^exec "\(.*\)" "\$@"$/\1/p' "$(command -v kb)")"); DESTDIR="$WORK/stage" cmake --install "$build" --prefix /usr/local >/dev/null && cd / && "$WORK/stage/usr/local/bin/kb" --kb "$RECORDS" query --org IESALC --format ids
> meetings/2024/2024-09-02-unesco-iesalc

# PREFIX elsewhere: every template of the source tree is installed, and the man page reads.
$ build=$(dirname "$(sed -n 's/^exec "\(.*\)" "\$@"$/\1/p' "$(command -v kb)")"); DESTDIR="$WORK/stage" cmake --install "$build" --prefix /opt/kb >/dev/null && diff <(ls "$SRC/templates") <(ls "$WORK/stage/opt/kb/share/kb/templates" 2>/dev/null) && echo "templates: as in the source" && MANWIDTH=80 man -l "$WORK/stage/opt/kb/share/man/man1/kb.1" 2>/dev/null | head -n 8
> templates: as in the source
> KB(1)                            User Commands                           KB(1)
>
> NAME
>        kb - a knowledge base over Markdown meeting notes
>
> SYNOPSIS
>        kb [GLOBAL OPTIONS] COMMAND [OPTIONS] [ARGS]

