// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// Calling a recursive function does not make the caller recursive.
#include "alloc.h"

static int depth(int n) { return n ? depth(n - 1) : 0; }
int top(void) {
  char *p = malloc(8); // expected-remark {{allocation does not escape; would move to the stack}}
  p[0] = (char)depth(3);
  int r = p[0];
  free(p);
  return r;
}
