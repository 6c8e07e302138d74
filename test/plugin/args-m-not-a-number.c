// RUN: not %escape -fsyntax-only -fplugin-arg-escape-m=yes %s 2>&1 | FileCheck %s
// -m needs a number.
int f(void) { return 0; }
// CHECK: error: invalid value 'yes' for escape plugin argument 'm'
