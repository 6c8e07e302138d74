// RUN: not %escape -fsyntax-only -fplugin-arg-escape-stdio-hooks=yes %s 2>&1 | FileCheck %s
// stdio-hooks is 0 or 1.
int f(void) { return 0; }
// CHECK: error: invalid value 'yes' for escape plugin argument 'stdio-hooks'
