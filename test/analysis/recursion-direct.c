// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -fplugin-arg-escape-arena=1 -I %inputs %s
// A recursive function never puts allocations on its stack: the frame arena.
#include "alloc.h"

int depth(int n) {
  char *p = malloc(8); // expected-remark {{allocation does not escape; would move to the frame arena}}
  p[0] = (char)n;
  int r = n ? depth(n - 1) : 0;
  free(p);
  return r + p[0];
}
