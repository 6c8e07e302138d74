// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// getline may reallocate the buffer it is given: it stays on the heap.
#include "alloc.h"

long first(void) {
  size_t n = 64;
  char *line = malloc(n); // expected-remark {{allocation does not escape; stays on the heap: reallocated by 'getline'}}
  long r = getline(&line, &n, stdin);
  free(line);
  return r;
}
