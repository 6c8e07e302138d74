// RUN: %python %inputs/gen-scale.py selfrec 8000 > %t.c
// RUN: %python %inputs/cpu-limit.py 60 %escape -fsyntax-only -fplugin-arg-escape-m=1 \
// RUN:   %t.c 2>&1 | FileCheck %s
// One recursive function of 8,000 steps, 2,667 of them allocating a node
// that points to the parameter: each round of the recursion's summary
// solved sets of thousands of objects over a hundred thousand edges (2,000
// steps: 14 s at 32ef941).  The solver's budget counts the edges it
// follows and the objects it passes along them, and stops inside one
// node's work: 1.5 s for the 8,000 steps.
// CHECK-COUNT-2667: escapes to heap: the function is too large to analyse
// CHECK-NOT: remark: allocation
