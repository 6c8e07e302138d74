// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A local array of pointers keeps its elements local.
#include "alloc.h"

int use(void) {
  char *v[2];
  v[0] = malloc(8); // expected-remark {{allocation does not escape; would move to the stack}}
  v[1] = malloc(8); // expected-remark {{allocation does not escape; would move to the stack}}
  v[0][0] = v[1][0] = 1;
  int r = v[0][0] + v[1][0];
  free(v[0]);
  free(v[1]);
  return r;
}
