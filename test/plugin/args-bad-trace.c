// RUN: not %escape -fsyntax-only -fplugin-arg-escape-trace=x %s 2>&1 | FileCheck %s
// trace needs a number.
int f(void) { return 0; }
// CHECK: error: invalid value 'x' for escape plugin argument 'trace'
