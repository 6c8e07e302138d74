// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// Writing a pointer as an integer through a cast lvalue escapes.
#include "alloc.h"

char *last;
void keep(void) {
  char *p = malloc(16); // expected-remark {{'p' escapes to heap: converted to an integer}}
  *(uintptr_t *)&last = (uintptr_t)p;
}
