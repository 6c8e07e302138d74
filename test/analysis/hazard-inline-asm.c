// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A pointer given to inline asm escapes: asm may store it anywhere.
#include "alloc.h"

void barrier(void) {
  char *p = malloc(16); // expected-remark {{'p' escapes to heap: used by inline assembly}}
  __asm__ volatile("" : : "r"(p) : "memory");
  free(p);
}
