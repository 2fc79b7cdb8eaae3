#!/usr/bin/env python3
"""Strict check of an iCalendar file as kb writes it (RFC 5545), then a read by Python's
`icalendar` (Debian: python3-icalendar). Prints one line per component as the parser read it,
so a transcript pins what a calendar would import.

Usage: check_ics.py FILE.ics
Checks: CRLF line ends only; content lines at most 75 octets; continuation lines start with a
space; UTF-8 that is never split by folding; VERSION and PRODID; UID, DTSTAMP (UTC) in every
VEVENT and VTODO, DTSTART in every VEVENT; unique UIDs; a VTIMEZONE for every TZID used, each
with STANDARD/DAYLIGHT observances holding DTSTART, TZOFFSETFROM and TZOFFSETTO, whose rules
give every DTSTART the same UTC offset as the system's zoneinfo does.
"""
import re
import sys
import zoneinfo

import icalendar


def fail(msg):
    print("check_ics: " + msg)
    sys.exit(1)


def main(path):
    data = open(path, "rb").read()
    if not data.endswith(b"\r\n"):
        fail("the file does not end with CRLF")
    raw_lines = data[:-2].split(b"\r\n")
    for n, line in enumerate(raw_lines, 1):
        if b"\n" in line or b"\r" in line:
            fail("line %d: a bare LF or CR" % n)
        if len(line) > 75:
            fail("line %d: %d octets (more than 75)" % (n, len(line)))
        if n > 1 and not line:
            fail("line %d: empty" % n)
    # Unfold and check that every logical line is valid UTF-8 (folding never split a character).
    logical = []
    for line in raw_lines:
        if line[:1] in (b" ", b"\t"):
            logical[-1] += line[1:]
        else:
            logical.append(line)
    for n, line in enumerate(logical, 1):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            fail("logical line %d: invalid UTF-8" % n)
    for raw in raw_lines:
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError:
            fail("a fold splits a UTF-8 character: %r" % raw)

    cal = icalendar.Calendar.from_ical(data)
    if cal.name != "VCALENDAR":
        fail("not a VCALENDAR")
    if str(cal.get("VERSION")) != "2.0" or not cal.get("PRODID"):
        fail("VERSION:2.0 and PRODID are required")
    zones = {}
    used_tzids = set(re.findall(rb";TZID=([^:;]+)[:;]", b"\n".join(logical)))
    uids = set()
    out = []
    for comp in cal.walk():
        if comp.name == "VTIMEZONE":
            tzid = str(comp["TZID"])
            obs = [c for c in comp.subcomponents if c.name in ("STANDARD", "DAYLIGHT")]
            if not obs:
                fail("VTIMEZONE %s has no STANDARD or DAYLIGHT" % tzid)
            for o in obs:
                for prop in ("DTSTART", "TZOFFSETFROM", "TZOFFSETTO"):
                    if prop not in o:
                        fail("VTIMEZONE %s: %s without %s" % (tzid, o.name, prop))
            zones[tzid] = len(obs)
        if comp.name in ("VEVENT", "VTODO"):
            for prop in ("UID", "DTSTAMP") + (("DTSTART",) if comp.name == "VEVENT" else ()):
                if prop not in comp:
                    fail("%s without %s" % (comp.name, prop))
            uid = str(comp["UID"])
            if uid in uids:
                fail("duplicate UID %s" % uid)
            uids.add(uid)
            stamp = comp["DTSTAMP"].dt
            if stamp.tzinfo is None or stamp.utcoffset().total_seconds() != 0:
                fail("%s: DTSTAMP is not UTC" % uid)
            if comp.name == "VEVENT":
                start = comp["DTSTART"].dt
                line = "VEVENT %s | %s | %s | %s" % (uid, start.isoformat(), comp.get("SUMMARY"),
                                                     comp.get("LOCATION", ""))
                # A timed event's end, as the client reads it (all-day ends are the next day).
                if "DTEND" in comp and hasattr(start, "hour"):
                    end = comp["DTEND"].dt
                    if end <= start:
                        fail("%s: DTEND is not after DTSTART" % uid)
                    line += " | ends %s" % end.isoformat()
                out.append(line)
            else:
                out.append("VTODO %s | due %s | %s | %s | priority %s" % (
                    uid, comp["DUE"].dt.isoformat(), comp.get("STATUS"), comp.get("SUMMARY"),
                    comp.get("PRIORITY", "-")))
    for tzid in used_tzids:
        if tzid.decode() not in zones:
            fail("TZID %s is used but has no VTIMEZONE" % tzid.decode())
    rules = {str(c["TZID"]): c.to_tz() for c in cal.walk("VTIMEZONE")}
    for ev in cal.walk("VEVENT"):
        tzid = ev["DTSTART"].params.get("TZID")
        if not tzid:
            continue
        naive = ev["DTSTART"].dt.replace(tzinfo=None)
        mine = rules[tzid].localize(naive).utcoffset()
        ref = naive.replace(tzinfo=zoneinfo.ZoneInfo(tzid)).utcoffset()
        if mine != ref:
            fail("%s: the VTIMEZONE gives UTC%s, zoneinfo UTC%s" % (ev["UID"], mine, ref))
    print("ok: %d lines, %d events, %d to-dos, time zones: %s" % (
        len(raw_lines), sum(l.startswith("VEVENT") for l in out), sum(l.startswith("VTODO") for l in out),
        ", ".join(sorted(zones)) or "none"))
    for line in out:
        print(line)


if __name__ == "__main__":
    main(sys.argv[1])
