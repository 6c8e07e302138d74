// RUN: %escape -fsyntax-only -fplugin-arg-escape-m=2 -I %inputs %s 2>&1 | FileCheck %s
// -m=2 explains an escape through a callee's leaking parameter, step by step.
#include "alloc.h"

char *last;
static void keep(char *q) { last = q; }
void use(void) {
  char *p = malloc(8);
  // CHECK: [[@LINE-1]]:13: remark: 'p' escapes to heap: passed to 'keep', whose parameter 'q' leaks
  // CHECK: [[@LINE-2]]:9: note: flow: assigned to 'p'
  char *r = p;
  // CHECK: [[@LINE-1]]:9: note: flow: assigned to 'r'
  keep(r);
  // CHECK: [[@LINE-1]]:3: note: flow: passed to 'keep', whose parameter 'q' leaks
}
// CHECK: diag-m2-flow-call.c:6:24: remark: leaking param: 'q'
