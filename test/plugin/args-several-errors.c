// RUN: not %escape -fsyntax-only -fplugin-arg-escape-m=9 -fplugin-arg-escape-colour=1 %s 2>&1 | FileCheck %s
// Every bad argument is reported, not just the first.
int f(void) { return 0; }
// CHECK-DAG: error: invalid value '9' for escape plugin argument 'm'
// CHECK-DAG: error: unknown argument 'colour' for the escape plugin
