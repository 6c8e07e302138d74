#!/usr/bin/env python3
"""A stand-in for "build with escape-cc and run the tests", for testing
escape-bisect's search without the plugin.

  fake-build.py [--all] SITE...

The fake program has 40 promoted sites, prog.c:10:7 .. prog.c:49:7.  With
ESCAPE_CC_REPORT_DIR set it writes their report, as escape-cc would.  It
fails when the bisect pattern in ESCAPE_CC_ARGS selects any SITE (or, with
--all, every SITE), exactly as the plugin selects sites."""
import os
import re
import sys


def fnv1a(key):
    h = 0xcbf29ce484222325
    for b in key.encode():
        h ^= b
        h = (h * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return h


def selected(key, pattern):
    if pattern in ("", "y"):
        return True
    if pattern == "n":
        return False
    h = fnv1a(key)
    return any(all(bits[len(bits) - 1 - i] == str((h >> i) & 1)
                   for i in range(len(bits)))
               for bits in pattern.split("+"))


def main():
    args = sys.argv[1:]
    need_all = bool(args) and args[0] == "--all"
    bad = args[1:] if need_all else args
    sites = ["prog.c:%d:7" % line for line in range(10, 50)]
    m = re.findall(r"-fplugin-arg-escape-bisect=(\S*)",
                   os.environ.get("ESCAPE_CC_ARGS", ""))
    pattern = m[-1] if m else "y"
    report_dir = os.environ.get("ESCAPE_CC_REPORT_DIR")
    if report_dir:
        with open(os.path.join(report_dir, "prog.c.1.yaml"), "w") as f:
            for key in sites:
                _, line, col = key.split(":")
                f.write("--- !Passed\nPass: escape\nName: HeapToStack\n"
                        "DebugLoc: { File: prog.c, Line: %s, Column: %s }\n"
                        "Function: f%s\nArgs:\n  - Callee: malloc\n"
                        "  - Size: '16'\n  - Storage: stack\n"
                        "  - Reason: does not escape\n  - Site: '0x%016x'\n"
                        "...\n" % (line, col, line, fnv1a(key)))
    hits = [s for s in bad if selected(s, pattern)]
    broken = len(hits) == len(bad) if need_all else bool(hits)
    return 1 if broken and bad else 0


if __name__ == "__main__":
    sys.exit(main())
