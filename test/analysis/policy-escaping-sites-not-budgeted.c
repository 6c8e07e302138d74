// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -fplugin-arg-escape-frame-budget=100 -I %inputs %s
// Escaping sites do not spend the frame budget.
#include "alloc.h"

char *last;
void f(void) {
  last = malloc(100);   // expected-remark {{'last' escapes to heap}}
  char *a = malloc(100); // expected-remark {{allocation does not escape; would move to the stack}}
  free(a);
}
