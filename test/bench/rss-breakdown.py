#!/usr/bin/env python3
"""rss-breakdown.py - where a program's peak resident memory is.

Runs each command five times, reads /proc/PID/smaps_rollup as often as it
can while the program runs, and prints, for the median run, the largest
resident set seen split into anonymous memory and file pages (code and
data of the program and its libraries), in KiB.

Usage: test/bench/rss-breakdown.py COMMAND [COMMAND...]
  each COMMAND is one string, split on spaces: "build/transform-bench/server.plain"
"""
import re
import subprocess
import sys


def peak(cmd):
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL)
    best = (0, 0, 0)
    path = f"/proc/{p.pid}/smaps_rollup"
    while p.poll() is None:
        try:
            text = open(path).read()
        except OSError:
            break
        rss = re.search(r"^Rss:\s+(\d+)", text, re.M)
        anon = re.search(r"^Anonymous:\s+(\d+)", text, re.M)
        if not rss or not anon:
            continue
        r, a = int(rss.group(1)), int(anon.group(1))
        if r > best[0]:
            best = (r, a, r - a)
    p.wait()
    return best


def main():
    if len(sys.argv) < 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    for cmd in sys.argv[1:]:
        runs = sorted(peak(cmd.split()) for _ in range(5))
        rss, anon, files = runs[2]
        print(f"{cmd}: rss {rss} KiB = anon {anon} + file {files}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
