// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A recursive function that only reads its parameter does not leak it.
#include "alloc.h"

static int count(const char *p, int n) { return n ? p[0] + count(p, n - 1) : 0; }
int use(void) {
  char *p = malloc(8); // expected-remark {{allocation does not escape; would move to the stack}}
  p[0] = 1;
  int r = count(p, 3);
  free(p);
  return r;
}
