// RUN: not %escape -fsyntax-only -fplugin-arg-escape-arena=2 %s 2>&1 | FileCheck %s
// arena accepts 0 or 1.
int f(void) { return 0; }
// CHECK: error: invalid value '2' for escape plugin argument 'arena'
