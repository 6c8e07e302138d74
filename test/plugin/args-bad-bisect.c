// RUN: not %escape -fsyntax-only -fplugin-arg-escape-bisect=zz %s 2>&1 | FileCheck %s
// RUN: not %escape -fsyntax-only -fplugin-arg-escape-bisect=01++10 %s 2>&1 | FileCheck %s --check-prefix=PLUS
// RUN: %escape -fsyntax-only -fplugin-arg-escape-bisect=01+10 %s
// A bisect pattern that is not a bit pattern is an error.
int f(void) { return 0; }
// CHECK: error: invalid value 'zz' for escape plugin argument 'bisect'
// PLUS: error: invalid value '01++10' for escape plugin argument 'bisect'
