// RUN: %python %inputs/gen-scale.py local 6000 > %t.c
// RUN: %python %inputs/cpu-limit.py 60 %escape_cc -O0 -c %t.c -o %t.o \
// RUN:   -fplugin-arg-escape-m=1 2>&1 | FileCheck %s
// One function with 6,000 blocks, each allocated, used and freed.  The
// rewriter matched each site and each free to its IR call by walking the
// whole function, and checked the whole function again per site: about
// 170 s of CPU for this file (74 s for 4,000 blocks).  The calls of a
// function are now indexed once: under 4 s.  Every block still moves.
// CHECK-COUNT-6000: remark: allocation does not escape; moved to the frame arena
// CHECK-NOT: remark: allocation
