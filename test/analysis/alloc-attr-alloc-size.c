// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A function declared with alloc_size is an allocation site.
#include "alloc.h"

void *arena_get(size_t n) __attribute__((alloc_size(1)));
int use(void) {
  char *p = arena_get(16); // expected-remark {{allocation does not escape; stays on the heap: no known deallocator for 'arena_get'}}
  p[0] = 1;
  return p[0];
}
