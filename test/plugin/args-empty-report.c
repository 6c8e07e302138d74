// RUN: not %escape -fsyntax-only -fplugin-arg-escape-report= %s 2>&1 | FileCheck %s
// report needs a path.
int f(void) { return 0; }
// CHECK: error: invalid value '' for escape plugin argument 'report'
