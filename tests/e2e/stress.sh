#!/usr/bin/env bash
# Stress: 8 kb processes write to one KB at once. Four run `kb add meeting` five times each with
# the same title and date (so every note needs its own -N suffix); four mark four actions each
# of one shared meeting with `kb actions done`, running the command again when kb says the
# file changed meanwhile (as its message tells a user to). Then prints what the KB holds, for
# tests/e2e/stress.t to compare: no note lost, truncated or interleaved, no mark lost.
set -u
k=$1
mkdir -p "$k/meetings" "$k/orgs"
printf 'name: stress\n' > "$k/kb.yaml"
printf -- '---\ntype: organization\nname: UNESCO\n---\n' > "$k/orgs/unesco.md"
{
  printf -- '---\ntype: meeting\ntitle: Shared meeting\ndate: 2024-09-02\n---\n## Actions\n'
  for i in $(seq 1 16); do printf -- '- [ ] Action %d\n' "$i"; done
} > "$k/meetings/shared.md"
adder() {
  for _ in 1 2 3 4 5; do
    kb -q --kb "$k" add meeting --title "Stress test" --date 2024-10-01 --org UNESCO >/dev/null || echo "add failed"
  done
}
marker() {
  for line in "$@"; do
    for _ in $(seq 1 200); do
      out=$(kb --kb "$k" actions done meetings/shared "$line" --today 2024-10-02 2>&1) && break
      case $out in *"changed while"*) ;; *) echo "actions done $line failed: $out"; break ;; esac
    done
  done
}
adder & adder & adder & adder &
marker 7 8 9 10 & marker 11 12 13 14 & marker 15 16 17 18 & marker 19 20 21 22 &
wait
cd "$k" || exit 1
notes=(meetings/2024/2024-10-01-stress-test*.md)
echo "notes written: ${#notes[@]}"
# Every note is whole: one front matter with one title, and the template's last line at its
# end. (Notes differ: a later one lists the earlier meetings under "Before this meeting".)
last=$(tail -n 1 "${notes[0]}")
whole=0
for f in "${notes[@]}"; do
  [ "$(head -n 1 "$f")" = --- ] && [ "$(grep -c '^---$' "$f")" -eq 2 ] &&
    [ "$(grep -c '^title: Stress test$' "$f")" -eq 1 ] && [ "$(tail -c 1 "$f" | od -An -c | tr -d ' ')" = '\n' ] &&
    [ "$(tail -n 1 "$f")" = "$last" ] && whole=$((whole + 1))
done
echo "whole notes: $whole"
echo "suffixes: $(for f in "${notes[@]}"; do s=${f#meetings/2024/2024-10-01-stress-test}; s=${s%.md}; echo "${s:--1}"; done | tr -d - | sort -n | tr '\n' ' ')"
cat meetings/shared.md
