// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A block reallocated by a callee in this file stays on the heap.
#include "alloc.h"

static void grow(char **p) { *p = realloc(*p, 64); } // expected-remark {{'*p' escapes to heap: stored into '*p'}}
void use(void) {
  char *p = malloc(8); // expected-remark {{allocation does not escape; stays on the heap}}
  grow(&p);
  free(p);
}
