// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// Passing an allocation to a call through a function pointer escapes.
#include "alloc.h"

void each(void (*fn)(void *)) {
  char *p = malloc(16); // expected-remark {{'p' escapes to heap: passed to an indirect call}}
  fn(p);
  free(p);
}
