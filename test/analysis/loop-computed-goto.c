// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -fplugin-arg-escape-arena=1 -I %inputs %s
// A computed goto may jump backwards: the function loops.
#include "alloc.h"

int keep_last(int n) {
  static void *target[] = { &&again };
  char *prev = 0;
  int s = 0;
again:;
  char *p = malloc(8); // expected-remark {{allocation does not escape; would move to the frame arena}}
  p[0] = (char)n;
  if (prev)
    s += prev[0];
  free(prev);
  prev = p;
  if (n--)
    goto *target[0];
  free(prev);
  return s;
}
