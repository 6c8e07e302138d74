// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// __builtin_malloc is recognised as malloc.
#include "alloc.h"

void *g;
void builtin_local(void) {
  char *p = __builtin_malloc(8); // expected-remark {{allocation does not escape; would move to the stack}}
  p[0] = 0;
  __builtin_free(p);
}
void builtin_global(void) {
  g = __builtin_malloc(8); // expected-remark {{'g' escapes to heap: assigned to global 'g'}}
}
