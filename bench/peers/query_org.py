#!/usr/bin/env python3
"""The PyYAML peer: what a user might write instead of `kb query --org NAME --format ids`.

  query_org.py KB_DIR NAME

Reads orgs/*.md to learn the organization's aliases, then every meetings/**/*.md front
matter (libyaml's C loader when present), and prints the ids of the meetings whose
`organizations:` list names it, sorted. It answers a narrower question than kb (no
sub-organizations, no attendee affiliations, only case folding for names).
"""
import os
import sys

import yaml

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def front_matter(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if not text.startswith("---"):
        return None
    end = text.find("\n---", 3)
    if end < 0:
        return None
    try:
        data = yaml.load(text[3:end], Loader=LOADER)
    except yaml.YAMLError:
        return None
    return data if isinstance(data, dict) else None


def markdown_files(folder):
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            if name.endswith(".md"):
                yield os.path.join(dirpath, name)


def main():
    root, org = sys.argv[1], sys.argv[2]
    names = {org.casefold()}
    for path in markdown_files(os.path.join(root, "orgs")):
        fm = front_matter(path) or {}
        spelled = [fm.get("name")] + list(fm.get("aliases") or [])
        if any(isinstance(n, str) and n.casefold() == org.casefold() for n in spelled):
            names.update(n.casefold() for n in spelled if isinstance(n, str))
    hits = []
    for path in markdown_files(os.path.join(root, "meetings")):
        fm = front_matter(path)
        if not fm:
            continue
        orgs = fm.get("organizations") or []
        if any(isinstance(o, str) and o.casefold() in names for o in orgs):
            hits.append(os.path.relpath(path, root)[:-3])
    for h in sorted(hits):
        print(h)


if __name__ == "__main__":
    main()
