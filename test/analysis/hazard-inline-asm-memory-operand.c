// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A pointer variable passed as an asm memory operand escapes.
#include "alloc.h"

void barrier(void) {
  char *p = malloc(16); // expected-remark {{'p' escapes to heap}}
  __asm__ volatile("" : "+m"(p));
  free(p);
}
