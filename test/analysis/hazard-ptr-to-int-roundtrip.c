// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A pointer that round-trips through an integer into a global escapes.
#include "alloc.h"

char *last;
void keep(void) {
  char *p = malloc(16); // expected-remark {{'p' escapes to heap: converted to an integer}}
  uintptr_t i = (uintptr_t)p;
  last = (char *)i;
}
