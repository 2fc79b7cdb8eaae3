#!/usr/bin/env python3
"""Runs a command several times; prints its median wall time, peak memory and output size.

  measure.py --runs N [--pre SHELL_CMD] -- COMMAND [ARG...]

Prints one line: `median_s min_s max_rss_kib stdout_lines exit_code`. The peak memory is
the largest ru_maxrss that wait4(2) reports for the command over all runs (for a pipeline
run through bash, that of its largest process). `--pre` runs (untimed) before every run.
The command's stderr is discarded; its exit code is that of the last run.
"""
import argparse
import os
import statistics
import subprocess
import sys
import time


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--pre", default="")
    ap.add_argument("cmd", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    cmd = a.cmd[1:] if a.cmd and a.cmd[0] == "--" else a.cmd
    times, rss, lines, rc = [], 0, 0, 0
    for _ in range(a.runs):
        if a.pre:
            subprocess.run(["bash", "-c", a.pre], check=True)
        start = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        out = p.stdout.read()
        _, status, usage = os.wait4(p.pid, 0)
        times.append(time.perf_counter() - start)
        p.returncode = os.waitstatus_to_exitcode(status)
        rc = p.returncode
        rss = max(rss, usage.ru_maxrss)
        lines = out.count(b"\n")
    print(f"{statistics.median(times):.4f} {min(times):.4f} {rss} {lines} {rc}")


if __name__ == "__main__":
    sys.exit(main())
