// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A realloc result never leaves the heap, even when it does not escape.
#include "alloc.h"

void grow(void) {
  char *p = malloc(8);   // expected-remark {{allocation does not escape; stays on the heap: passed to 'realloc'}}
  char *q = realloc(p, 64); // expected-remark {{allocation does not escape; stays on the heap: 'realloc' results stay on the heap}}
  if (q)
    free(q);
}
