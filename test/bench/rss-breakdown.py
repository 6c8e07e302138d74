#!/usr/bin/env python3
"""rss-breakdown.py - where a program's peak resident memory is.

Runs each command five times (-n N: N times), reads /proc/PID/smaps as
often as it can while the program runs, and prints, for the median run,
the largest resident set seen, in KiB, split into:

  anon   anonymous memory: heap, stack, the allocator's data and mappings
  exe    the program's own file pages (code and data of the executable,
         where a statically linked runtime's code is)
  libc   the C library's file pages
  other  every other mapped file (the dynamic loader, preloaded libraries)

The C library's pages move between runs of the same binary (the kernel maps
pages around a fault when they are cached), so the smallest libc figure of
the runs is printed too.

Usage: test/bench/rss-breakdown.py [-n N] COMMAND [COMMAND...]
  each COMMAND is one string, split on spaces: "build/transform-bench/server.plain"
"""
import os
import re
import subprocess
import sys

MAPPING = re.compile(r"^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$")


def classify(path, exe):
    name = os.path.basename(path)
    if not path or path.startswith("["):
        return "anon"
    if os.path.realpath(path) == exe:
        return "exe"
    if name.startswith("libc.so") or name.startswith("libc-"):
        return "libc"
    return "other"


def sample(text, exe):
    parts = {"anon": 0, "exe": 0, "libc": 0, "other": 0}
    kind = None
    for line in text.splitlines():
        m = MAPPING.match(line)
        if m:
            kind = classify(m.group(1).strip(), exe)
        elif line.startswith("Rss:") and kind:
            parts[kind] += int(line.split()[1])
    return parts


def peak(cmd):
    exe = os.path.realpath(cmd[0])
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL)
    best, best_total = None, -1
    path = f"/proc/{p.pid}/smaps"
    while p.poll() is None:
        try:
            text = open(path).read()
        except OSError:
            break
        parts = sample(text, exe)
        total = sum(parts.values())
        if total > best_total:
            best, best_total = parts, total
    p.wait()
    return best_total, best


def main(argv):
    runs = 5
    if len(argv) > 2 and argv[1] == "-n":
        try:
            runs = int(argv[2])
        except ValueError:
            print("rss-breakdown.py: -n takes a number", file=sys.stderr)
            return 2
        argv = argv[:1] + argv[3:]
    if len(argv) < 2 or runs < 1:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    for cmd in argv[1:]:
        args = cmd.split()
        if not os.access(args[0], os.X_OK):
            print(f"rss-breakdown.py: error: '{args[0]}' is not an executable",
                  file=sys.stderr)
            return 2
        results = sorted((peak(args) for _ in range(runs)), key=lambda r: r[0])
        total, parts = results[len(results) // 2]
        if parts is None:
            print(f"{cmd}: exited before it could be sampled")
            continue
        libc_min = min(r[1]["libc"] for r in results if r[1])
        print(f"{cmd}: rss {total} KiB = anon {parts['anon']} + exe {parts['exe']}"
              f" + libc {parts['libc']} (least {libc_min}) + other {parts['other']}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
