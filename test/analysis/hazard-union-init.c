// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// Initialising a union with a pointer escapes.
#include "alloc.h"

union word { char *p; uintptr_t bits; };
uintptr_t tag(void) {
  union word w = { malloc(16) }; // expected-remark {{escapes to heap: stored in a union}}
  return w.bits;
}
