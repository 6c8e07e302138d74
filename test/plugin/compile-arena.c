// RUN: %escape -O2 -c -o /dev/null -Xclang -verify -fplugin-arg-escape-m=1 -fplugin-arg-escape-arena=1 -I %inputs %s
// With arena=1 a dynamic-size site is moved to the frame arena.
#include "alloc.h"

int first(size_t n) {
  char *p = malloc(n); // expected-remark {{allocation does not escape; moved to the frame arena}}
  p[0] = 1;
  int r = p[0];
  free(p);
  return r;
}
