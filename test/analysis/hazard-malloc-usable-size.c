// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// Allocator introspection needs a real heap object.
#include "alloc.h"

size_t room(void) {
  char *p = malloc(10); // expected-remark {{allocation does not escape; stays on the heap: passed to 'malloc_usable_size'}}
  size_t n = malloc_usable_size(p);
  free(p);
  return n;
}
