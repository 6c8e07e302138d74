// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -fplugin-arg-escape-frame-budget=100 -I %inputs %s
// frame-budget=N changes the per-frame budget; sites are served in source order.
#include "alloc.h"

void f(void) {
  char *a = malloc(60); // expected-remark {{allocation does not escape; would move to the stack}}
  char *b = malloc(60); // expected-remark {{stays on the heap: frame budget of 100 bytes is spent}}
  char *c = malloc(40); // expected-remark {{allocation does not escape; would move to the stack}}
  free(a); free(b); free(c);
}
