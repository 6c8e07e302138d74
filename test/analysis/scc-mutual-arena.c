// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -fplugin-arg-escape-arena=1 -I %inputs %s
// Every function of a call cycle is recursive: its allocations use the frame arena.
#include "alloc.h"

int ping(int n);
int pong(int n) {
  char *p = malloc(8); // expected-remark {{allocation does not escape; would move to the frame arena}}
  p[0] = (char)n;
  int r = n ? ping(n - 1) : 0;
  free(p);
  return r;
}
int ping(int n) {
  char *q = malloc(8); // expected-remark {{allocation does not escape; would move to the frame arena}}
  q[0] = (char)n;
  int r = n ? pong(n - 1) : 0;
  free(q);
  return r;
}
