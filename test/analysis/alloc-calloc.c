// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A constant-size calloc (count times size) would move to the stack.
#include "alloc.h"

int sum(void) {
  int *p = calloc(4, sizeof(int)); // expected-remark {{allocation does not escape; would move to the stack}}
  int s = p[0] + p[3];
  free(p);
  return s;
}
