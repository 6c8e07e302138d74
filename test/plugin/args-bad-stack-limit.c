// RUN: not %escape -fsyntax-only -fplugin-arg-escape-stack-limit=4k %s 2>&1 | FileCheck %s
// stack-limit needs a decimal byte count.
int f(void) { return 0; }
// CHECK: error: invalid value '4k' for escape plugin argument 'stack-limit'
