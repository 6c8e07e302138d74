// RUN: not %escape -fsyntax-only -fplugin-arg-escape-bisect=zz %s 2>&1 | FileCheck %s
// A bisect pattern that is not a bit pattern is an error.
int f(void) { return 0; }
// CHECK: error: invalid value 'zz' for escape plugin argument 'bisect'
