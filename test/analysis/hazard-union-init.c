// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A union initialised with a pointer: its integer member returned carries it.
#include "alloc.h"

union word { char *p; uintptr_t bits; };
uintptr_t tag(void) {
  union word w = { malloc(16) }; // expected-remark {{escapes to heap: returned as an integer from 'tag'}}
  return w.bits;
}
