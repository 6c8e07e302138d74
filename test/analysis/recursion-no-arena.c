// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// Without the frame arena a recursive function's objects stay on the heap.
#include "alloc.h"

int depth(int n) {
  char *p = malloc(8); // expected-remark {{allocation does not escape; stays on the heap: function is recursive; the frame arena is off (-fplugin-arg-escape-arena=1)}}
  p[0] = (char)n;
  int r = n ? depth(n - 1) : 0;
  free(p);
  return r;
}
