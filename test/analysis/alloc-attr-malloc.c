// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A function declared __attribute__((malloc)) is an allocation site without a known deallocator.
#include "alloc.h"

void *pool_get(size_t) __attribute__((malloc));
int use(void) {
  char *p = pool_get(16); // expected-remark {{allocation does not escape; stays on the heap: no known deallocator for 'pool_get'}}
  p[0] = 1;
  return p[0];
}
