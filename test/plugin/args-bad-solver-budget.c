// RUN: not %escape -fsyntax-only -fplugin-arg-escape-solver-budget=0 %s 2>&1 | FileCheck %s
// RUN: not %escape -fsyntax-only -fplugin-arg-escape-solver-budget=many %s 2>&1 | FileCheck --check-prefix=WORD %s
// solver-budget takes a positive number.
int f(void) { return 0; }
// CHECK: error: invalid value '0' for escape plugin argument 'solver-budget'
// WORD: error: invalid value 'many' for escape plugin argument 'solver-budget'
