// RUN: not %escape -fsyntax-only -fplugin-arg-escape-arena-cap= %s 2>&1 | FileCheck %s
// arena-cap rejects an empty value.
int f(void) { return 0; }
// CHECK: error: invalid value '' for escape plugin argument 'arena-cap'
