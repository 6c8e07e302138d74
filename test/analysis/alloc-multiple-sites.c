// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// Each site gets its own verdict.
#include "alloc.h"

char *g;
void two(void) {
  char *a = malloc(8); // expected-remark {{allocation does not escape; would move to the stack}}
  char *b = malloc(8); // expected-remark {{'b' escapes to heap: assigned to global 'g'}}
  g = b;
  free(a);
}
