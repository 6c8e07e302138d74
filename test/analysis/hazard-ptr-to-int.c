// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// Converting a pointer to an integer escapes: the analysis cannot follow integers.
#include "alloc.h"

uintptr_t key(void) {
  char *p = malloc(16); // expected-remark {{'p' escapes to heap: converted to an integer}}
  uintptr_t k = (uintptr_t)p;
  free(p);
  return k;
}
