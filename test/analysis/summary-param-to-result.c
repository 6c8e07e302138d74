// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A parameter returned leaks to the result: the argument escapes only if the result does.
#include "alloc.h"

char *id(char *p) { return p; } // expected-remark {{leaking param: 'p' to result}}
int local(void) {
  char *p = malloc(8); // expected-remark {{allocation does not escape; would move to the stack}}
  char *q = id(p);
  q[0] = 1;
  int r = q[0];
  free(q);
  return r;
}
