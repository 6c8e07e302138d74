// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// Without the frame arena a function with a VLA keeps its allocations on the heap.
#include "alloc.h"

int sum(int n) {
  int v[n];
  int *p = malloc(16); // expected-remark {{allocation does not escape; stays on the heap: function uses variable-length arrays or 'alloca'; the frame arena is off (-fplugin-arg-escape-arena=1)}}
  v[0] = p[0] = 1;
  int r = v[0] + p[0];
  free(p);
  return r;
}
