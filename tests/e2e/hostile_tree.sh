#!/usr/bin/env bash
# Builds a hostile KB tree in $1 for tests/e2e/hostile_tree.t: two good notes beside a symlink
# loop, a FIFO, a 50 MB note, 100,000-deep nesting, an alias bomb, a binary x.md, a folder
# named foo.md, an unreadable file and a note reached by a second path.
set -eu
t=$1
mkdir -p "$t/orgs" "$t/meetings" "$t/people" "$t/foo.md" "$t/loop"
printf -- '---\ntype: organization\nname: UNESCO\n---\n' > "$t/orgs/unesco.md"
printf -- '---\ntype: meeting\ntitle: Good meeting\ndate: 2024-09-02\norganizations: [UNESCO]\n---\n' \
  > "$t/meetings/2024-09-02-good.md"
printf -- '---\ntype: meeting\ntitle: Inside a folder named foo.md\ndate: 2024-09-03\norganizations: [UNESCO]\n---\n' \
  > "$t/foo.md/inside.md"
ln -s .. "$t/loop/up"                       # a folder loop
ln -s self.md "$t/self.md"                  # a file loop
ln -s ../meetings/2024-09-02-good.md "$t/people/again.md"  # the good meeting by a second path
mkfifo "$t/fifo.md"
{ printf -- '---\ntitle: big\n---\n'; yes -- '- [ ] a task in a very large note' | head -c 52428800; } > "$t/big.md"
{ printf -- '---\nx: '; head -c 100000 /dev/zero | tr '\0' '['; head -c 100000 /dev/zero | tr '\0' ']'; printf '\n---\n'; } \
  > "$t/deep.md"
{
  printf -- '---\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n'
  for i in $(seq 1 40); do
    printf 'a%d: &a%d [*a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d]\n' \
      "$i" "$i" $((i - 1)) $((i - 1)) $((i - 1)) $((i - 1)) $((i - 1)) $((i - 1)) $((i - 1)) $((i - 1)) $((i - 1)) $((i - 1))
  done
  printf -- '---\n'
} > "$t/bomb.md"
printf -- '---\ntitle: x\n---\n\0\1\2binary' > "$t/x.md"
printf -- '---\ntitle: secret\n---\n' > "$t/secret.md"
chmod 000 "$t/secret.md"
# Root reads anything: the caller runs kb as 'nobody' (tests/e2e/as_nobody) when it is root,
# so the rest of the tree and the test's own folder must stay readable for that user.
chmod -R a+rX "$t"
chmod 000 "$t/secret.md"
chmod a+x "$(dirname "$t")"
