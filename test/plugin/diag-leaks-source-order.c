// RUN: %escape -fsyntax-only -fplugin-arg-escape-m=1 -I %inputs %s 2>&1 | FileCheck %s
// Leaking-param remarks come out in source order, whatever order the call graph gives.
#include "alloc.h"

char *last;
int odd(char *p, int n);
int even(char *p, int n) { return n ? odd(p, n - 1) : 0; }
int odd(char *p, int n) {
  if (n == 1)
    last = p;
  return n ? even(p, n - 1) : 1;
}
// CHECK: diag-leaks-source-order.c:7:16: remark: leaking param: 'p'
// CHECK: diag-leaks-source-order.c:8:15: remark: leaking param: 'p'
