#!/usr/bin/env python3
"""Usage: limits_tree.py DIR PART. Builds one of the hostile KBs of tests/e2e/limits.t (issue 24)
as DIR/PART, at run time so that no multi-MB file is committed:

  DIR/md/       Markdown that makes cmark-gfm slow or huge, beside one good meeting
  DIR/graph/    one meeting of 3,000 attendees
  DIR/esc/      a file name with an ESC byte, names with escape sequences
  DIR/latin1/   a file name that is not UTF-8 (Latin-1 'café'), beside a good meeting
  DIR/locked/   a KB folder only its owner (root) can read
"""
import os
import sys

root = sys.argv[1].encode()
part = sys.argv[2]


def write(rel, text):
    path = os.path.join(root, rel if isinstance(rel, bytes) else rel.encode())
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(text.encode() if isinstance(text, str) else text)


def meeting(title, day, extra=""):
    return f"---\ntitle: {title}\ndate: {day}\n{extra}---\n"



def build_md():
    # md: each body alone is beyond the budget or was quadratic before it.
    good = meeting("Good meeting", "2024-09-02", "organizations: [UNESCO]\n") + "- [ ] Follow up [[Ana]]\n"
    write("md/meetings/2024-09-02-good.md", good)
    write("md/orgs/unesco.md", "---\nname: UNESCO\n---\n")
    write("md/wikilinks.md", "---\ntitle: wikilinks\n---\n" + "[[" * 4_000_000 + "x]]\n")   # 8 MB
    write("md/emphasis.md", "---\ntitle: emphasis\n---\n- [ ] Kept\n\n" + "*_" * 3_000_000 + "a" + "_*" * 3_000_000 + "\n")
    write("md/brackets.md", "---\ntitle: brackets\n---\n" + "[" * 2_000_000 + "a" + "]" * 2_000_000 + "\n")
    write("md/mixed.md", "---\ntitle: mixed\n---\n" + "<a`![\\&" * 1_000_000 + "\n")
    write("md/lines.md", "---\ntitle: lines\n---\n" + "a\n" * 4_000_000)
    write("md/refs.md", "---\ntitle: refs\n---\n[a]: <" + "u" * 80_000 + ">\n\n" + "[a] " * 20_000 + "\n")


def build_graph():
    # graph: 3,000 attendees of one meeting, each a person.
    names = [f"Person {i:04d}" for i in range(3000)]
    for n in names:
        write(f"graph/people/{n.lower().replace(' ', '-')}.md", f"---\nname: {n}\n---\n")
    write("graph/meetings/2024-09-02-all-hands.md",
          meeting("All hands", "2024-09-02", "attendees:\n" + "".join(f"  - {n}\n" for n in names)))


def build_esc():
    # esc: an ESC byte in a file name, escape sequences in names (YAML's "\e" is ESC).
    write(b"esc/meetings/2024-09-02-\x1b[31mred.md",
          meeting("Red meeting", "2024-09-02", 'attendees: ["\\e[31mRed Herring", "\\e]0;owned\\aTitle Setter"]\n'))
    write("esc/people/bo.md", '---\nname: Bo Chen\n---\n')


def build_latin1():
    # latin1: 'café' in Latin-1, beside a good meeting that names it.
    write(b"latin1/meetings/2024-09-02-caf\xe9.md", meeting("Cafe meeting", "2024-09-02", "organizations: [UNESCO]\n"))
    write("latin1/meetings/2024-09-03-good.md", meeting("Good meeting", "2024-09-03", "organizations: [UNESCO]\n"))
    write("latin1/orgs/unesco.md", "---\nname: UNESCO\n---\n")


def build_locked():
    # locked: readable by root only (the test runs kb as 'nobody').
    write("locked/meetings/2024-09-02-secret.md", meeting("Secret", "2024-09-02"))

def main():
    {"md": build_md, "graph": build_graph, "esc": build_esc, "latin1": build_latin1, "locked": build_locked}[part]()
    # Root reads anything: kb runs as 'nobody' (tests/e2e/as_nobody), so the rest must be readable.
    for dirpath, dirnames, filenames in os.walk(root):
        os.chmod(dirpath, 0o755)
        for f in filenames:
            os.chmod(os.path.join(dirpath, f), 0o644)
    if part == "locked":
        os.chmod(os.path.join(root, b"locked"), 0o700)
    os.chmod(os.path.dirname(os.path.abspath(root)), 0o755)


main()
