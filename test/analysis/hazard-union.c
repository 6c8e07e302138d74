// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A pointer stored in a union escapes: another member may read it as an integer.
#include "alloc.h"

union word { char *p; uintptr_t bits; };
void tag(void) {
  union word w;
  w.p = malloc(16); // expected-remark {{'w.p' escapes to heap: stored in a union}}
  w.bits |= 1;
}
