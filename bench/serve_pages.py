#!/usr/bin/env python3
"""Times pages of `kb serve` on a corpus, warm: starts the server on a free loopback port,
waits until it answers, asks once for each page untimed, then RUNS times each, and prints
one Markdown table row per page (median and slowest time, then the server's peak memory).
Stops the server it started, and only that one.

Usage: serve_pages.py KB CORPUS ORG RUNS
Issue 29's goals: a meeting or person page at most 50 ms, a search at most 200 ms.
"""
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url):
    start = time.perf_counter()
    with urllib.request.urlopen(url, timeout=120) as r:
        body = r.read()
    return time.perf_counter() - start, body


def first_link(html, prefix):
    m = re.search(r'href="(/r/%s[^"]*)"' % re.escape(prefix), html)
    return m.group(1) if m else None


def peak_kb(pid):
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def main():
    if len(sys.argv) != 5:
        sys.stderr.write(__doc__)
        return 2
    kb, corpus, org, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    port = free_port()
    server = subprocess.Popen([kb, "--kb", corpus, "serve", "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    base = "http://127.0.0.1:%d" % port
    try:
        deadline = time.time() + 600
        while True:
            try:
                get(base + "/")
                break
            except OSError:
                if server.poll() is not None or time.time() > deadline:
                    print("| kb serve | skipped (the server did not start) | | | | |")
                    return 0
                time.sleep(0.2)
        org_page = base + "/search?" + urllib.parse.urlencode({"org": org})
        _, body = get(org_page)
        html = body.decode("utf-8", "replace")
        meeting = first_link(html, "meetings")
        _, body = get(base + meeting) if meeting else (0, b"")
        person = first_link(body.decode("utf-8", "replace"), "people")
        pages = [("meeting page", meeting), ("person page", person),
                 ("search page (--org)", "/search?" + urllib.parse.urlencode({"org": org})),
                 ("search page (text)", "/search?" + urllib.parse.urlencode({"text": org.split()[0]}))]
        for label, path in pages:
            if not path:
                print("| kb serve: %s | skipped (no such link) | | | | |" % label)
                continue
            get(base + path)  # warm
            times = sorted(get(base + path)[0] for _ in range(runs))
            print("| kb serve: %s (warm) | %.1f ms (slowest %.1f ms) | | | | |"
                  % (label, statistics.median(times) * 1000, times[-1] * 1000))
        mem = peak_kb(server.pid)
        if mem:
            print("| kb serve: the server's peak memory | | | %.0f MB | | |" % (mem / 1024))
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
