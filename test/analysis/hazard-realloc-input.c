// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A block passed to realloc must stay a heap object.
#include "alloc.h"

int grow(void) {
  char *p = malloc(8); // expected-remark {{allocation does not escape; stays on the heap: passed to 'realloc'}}
  p[0] = 1;
  char *q = realloc(p, 64); // expected-remark {{allocation does not escape; stays on the heap}}
  int r = q[0];
  free(q);
  return r;
}
