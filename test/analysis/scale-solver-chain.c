// RUN: %python %inputs/gen-scale.py chain 6000 > %t.c
// RUN: %python %inputs/cpu-limit.py 60 %escape -fsyntax-only -fplugin-arg-escape-m=1 \
// RUN:   %t.c 2>&1 | FileCheck %s
// One function linking 6,000 allocated nodes into the list it returns:
// every node's next may point to every node made before it, 18 million
// points-to facts.  The solver took minutes and gigabytes on it (4,000
// nodes: 59 s, 1.7 GiB); it now stops at its budget, 4 million steps,
// and leaves the function's blocks on the heap, where they go anyway.
// CHECK-COUNT-6000: escapes to heap: the function is too large to analyse
