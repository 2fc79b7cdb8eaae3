#!/usr/bin/env python3
"""Runs commands several times; prints each one's median wall time, peak memory and output size.

  measure.py --runs N [--pre SHELL_CMD] -- COMMAND [ARG...] [::: COMMAND [ARG...]]...

Prints one line per command: `median_s min_s max_rss_kib stdout_lines exit_code times`, where
`times` is every run's wall time, comma-separated, in run order. Several commands (separated by
`:::`) are run in turns, one run of each per round, so that a ratio of two of them can be taken
round by round, on runs made moments apart: on a noisy host the medians of runs made minutes
apart can move by a third. The peak memory is the largest ru_maxrss that wait4(2) reports for
the command over all runs (for a pipeline run through bash, that of its largest process).
`--pre` runs (untimed) before every run; a command may have its own, written first in its
part (`::: --pre SHELL_CMD COMMAND...`), which runs (untimed) after the common one before each
of its runs. A command's stderr is discarded; its exit code is that of its last run.
"""
import argparse
import os
import statistics
import subprocess
import sys
import time


def run_once(cmd):
    start = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    out = p.stdout.read()
    _, status, usage = os.wait4(p.pid, 0)
    elapsed = time.perf_counter() - start
    return elapsed, usage.ru_maxrss, out.count(b"\n"), os.waitstatus_to_exitcode(status)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--pre", default="")
    ap.add_argument("cmd", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    words = a.cmd[1:] if a.cmd and a.cmd[0] == "--" else a.cmd
    cmds = [[]]
    for w in words:
        if w == ":::":
            cmds.append([])
        else:
            cmds[-1].append(w)
    own_pre = []
    for i, cmd in enumerate(cmds):
        own_pre.append(cmd[1] if len(cmd) > 2 and cmd[0] == "--pre" else "")
        if own_pre[-1]:
            cmds[i] = cmd[2:]
    stats = [{"times": [], "rss": 0, "lines": 0, "rc": 0} for _ in cmds]
    for _ in range(a.runs):
        for cmd, pre, s in zip(cmds, own_pre, stats):
            for shell in (a.pre, pre):
                if shell:
                    subprocess.run(["bash", "-c", shell], check=True)
            t, rss, lines, rc = run_once(cmd)
            s["times"].append(t)
            s["rss"] = max(s["rss"], rss)
            s["lines"], s["rc"] = lines, rc
    for s in stats:
        times = ",".join(f"{t:.4f}" for t in s["times"])
        print(f"{statistics.median(s['times']):.4f} {min(s['times']):.4f} {s['rss']} {s['lines']} {s['rc']} {times}")


if __name__ == "__main__":
    sys.exit(main())
