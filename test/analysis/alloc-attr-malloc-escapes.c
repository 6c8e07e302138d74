// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// An __attribute__((malloc)) result stored in a global escapes.
#include "alloc.h"

void *pool_get(size_t) __attribute__((malloc));
void *cache;
void fill(void) {
  cache = pool_get(16); // expected-remark {{'cache' escapes to heap: assigned to global 'cache'}}
}
