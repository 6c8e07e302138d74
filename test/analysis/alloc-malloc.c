// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A constant-size malloc that is freed in its function would move to the stack.
#include "alloc.h"

int first(void) {
  char *p = malloc(32); // expected-remark {{allocation does not escape; would move to the stack}}
  p[0] = 1;
  int r = p[0];
  free(p);
  return r;
}
