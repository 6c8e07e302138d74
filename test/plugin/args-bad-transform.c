// RUN: not %escape -fsyntax-only -fplugin-arg-escape-transform=on %s 2>&1 | FileCheck %s
// transform accepts 0 or 1.
int f(void) { return 0; }
// CHECK: error: invalid value 'on' for escape plugin argument 'transform'
