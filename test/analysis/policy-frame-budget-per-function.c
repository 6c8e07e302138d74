// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -fplugin-arg-escape-frame-budget=100 -I %inputs %s
// The frame budget is per function.
#include "alloc.h"

void f(void) {
  char *a = malloc(100); // expected-remark {{allocation does not escape; would move to the stack}}
  free(a);
}
void g(void) {
  char *a = malloc(100); // expected-remark {{allocation does not escape; would move to the stack}}
  free(a);
}
