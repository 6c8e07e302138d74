// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A forward goto (error exit) is not a loop.
#include "alloc.h"

int work(int n) {
  char *p = malloc(8); // expected-remark {{allocation does not escape; would move to the stack}}
  int r = -1;
  if (n < 0)
    goto out;
  p[0] = (char)n;
  r = p[0];
out:
  free(p);
  return r;
}
