// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -fplugin-arg-escape-arena=1 -I %inputs %s
// A function with a VLA keeps allocations off its stack: the frame arena instead.
#include "alloc.h"

int sum(int n) {
  int v[n];
  int *p = malloc(16); // expected-remark {{allocation does not escape; would move to the frame arena}}
  v[0] = p[0] = 1;
  int r = v[0] + p[0];
  free(p);
  return r;
}
