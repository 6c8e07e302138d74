// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -fplugin-arg-escape-arena=1 -I %inputs %s
// A function that calls alloca keeps allocations off its stack.
#include "alloc.h"

int sum(size_t n) {
  char *a = alloca(n);
  char *p = malloc(16); // expected-remark {{allocation does not escape; would move to the frame arena}}
  a[0] = p[0] = 1;
  int r = a[0] + p[0];
  free(p);
  return r;
}
