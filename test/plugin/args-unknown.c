// RUN: not %escape -fsyntax-only -fplugin-arg-escape-level=1 %s 2>&1 | FileCheck %s
// An unknown plugin argument is an error that names it and lists the valid ones.
int f(void) { return 0; }
// CHECK: error: unknown argument 'level' for the escape plugin; expected one of m, report, transform, arena, stack-limit, small-stack, frame-budget, chain-budget, arena-cap, solver-budget, bisect, trace, stdio-hooks
