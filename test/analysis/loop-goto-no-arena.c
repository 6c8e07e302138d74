// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// Without the frame arena, a function with a backward goto keeps objects on the heap.
#include "alloc.h"

void retry(int n) {
again:;
  char *p = malloc(8); // expected-remark {{allocation does not escape; stays on the heap: function loops with 'goto'; the frame arena is off (-fplugin-arg-escape-arena=1)}}
  p[0] = 0;
  free(p);
  if (n--)
    goto again;
}
