// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// memcpy of pointer bytes between locals does not escape by itself.
#include "alloc.h"

int local(void) {
  char *p = malloc(16); // expected-remark {{allocation does not escape; would move to the stack}}
  char *q;
  memcpy(&q, &p, sizeof p);
  q[0] = 1;
  int r = q[0];
  free(q);
  return r;
}
