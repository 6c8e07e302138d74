// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A constant calloc gets stack storage (zeroed when moved).
#include "alloc.h"

int f(void) {
  int *p = calloc(8, sizeof(int)); // expected-remark {{allocation does not escape; would move to the stack}}
  int r = p[7];
  free(p);
  return r;
}
