// RUN: not %escape -fsyntax-only -fplugin-arg-escape-m=3 %s 2>&1 | FileCheck %s
// -m accepts 0, 1 or 2 only.
int f(void) { return 0; }
// CHECK: error: invalid value '3' for escape plugin argument 'm'
