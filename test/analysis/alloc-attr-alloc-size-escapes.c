// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// An alloc_size result returned to the caller escapes.
#include "alloc.h"

void *arena_get2(size_t n, size_t m) __attribute__((alloc_size(1, 2)));
void *wrap(void) {
  return arena_get2(4, 4); // expected-remark {{allocation escapes to heap: returned from 'wrap'}}
}
