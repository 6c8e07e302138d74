#!/usr/bin/env python3
"""cpu-limit.py SECONDS COMMAND...: runs COMMAND with at most SECONDS of CPU
time (RLIMIT_CPU, children included) and 3 GiB of address space, so a test
fails when the cost of a compile grows out of bounds whatever the machine's
load, before it takes the machine's memory."""
import os
import resource
import sys

if len(sys.argv) < 3 or not sys.argv[1].isdigit():
    sys.exit(__doc__)
limit = int(sys.argv[1])
resource.setrlimit(resource.RLIMIT_CPU, (limit, limit))
resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))
os.execvp(sys.argv[2], sys.argv[2:])
