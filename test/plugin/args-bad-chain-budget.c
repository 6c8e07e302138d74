// RUN: not %escape -fsyntax-only -fplugin-arg-escape-chain-budget=4k %s 2>&1 | FileCheck %s
// chain-budget takes a number of bytes, nothing else.
int f(void) { return 0; }
// CHECK: error: invalid value '4k' for escape plugin argument 'chain-budget'
