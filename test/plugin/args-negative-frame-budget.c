// RUN: not %escape -fsyntax-only -fplugin-arg-escape-frame-budget=-1 %s 2>&1 | FileCheck %s
// frame-budget rejects negative numbers.
int f(void) { return 0; }
// CHECK: error: invalid value '-1' for escape plugin argument 'frame-budget'
