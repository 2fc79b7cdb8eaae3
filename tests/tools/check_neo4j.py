#!/usr/bin/env python3
"""Checks a folder of neo4j-admin import CSV files as kb writes them: every file has a header
in the importer's format, every row as many fields as its header, node ids are unique, and
every relationship's :START_ID and :END_ID is a node id. Prints counts per label and type.

Usage: check_neo4j.py DIR
"""
import csv
import os
import re
import sys
from collections import Counter

TYPES = r"(string|int|long|float|double|boolean|byte|short|char|date|localtime|time|localdatetime|datetime|duration|point)(\[\])?"


def main(folder):
    ids, rels = set(), []
    labels, types = Counter(), Counter()
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, name), newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f))
        header = rows[0]
        for col in header:
            if col in (":ID", ":LABEL", ":START_ID", ":END_ID", ":TYPE"):
                continue
            if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*(:(ID|" + TYPES + "))?", col):
                sys.exit("%s: bad header field %r" % (name, col))
        for n, row in enumerate(rows[1:], 2):
            if len(row) != len(header):
                sys.exit("%s:%d: %d fields, header has %d" % (name, n, len(row), len(header)))
            rec = dict(zip(header, row))
            if "id:ID" in rec:
                if rec["id:ID"] in ids:
                    sys.exit("%s:%d: duplicate id %s" % (name, n, rec["id:ID"]))
                ids.add(rec["id:ID"])
                for label in rec[":LABEL"].split(";"):
                    labels[label] += 1
            else:
                rels.append((name, n, rec[":START_ID"], rec[":END_ID"]))
                types[rec[":TYPE"]] += 1
    for name, n, start, end in rels:
        for end_id in (start, end):
            if end_id not in ids:
                sys.exit("%s:%d: no node %s" % (name, n, end_id))
    print("nodes: " + ", ".join("%s %d" % kv for kv in sorted(labels.items())))
    print("relationships: " + ", ".join("%s %d" % kv for kv in sorted(types.items())))


if __name__ == "__main__":
    main(sys.argv[1])
