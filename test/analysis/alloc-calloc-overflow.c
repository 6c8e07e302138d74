// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -fplugin-arg-escape-arena=1 -I %inputs %s
// A calloc whose count times size overflows has no constant size: never the stack.
#include "alloc.h"

void overflow(void) {
  char *p = calloc((size_t)-1, 2); // expected-remark {{allocation does not escape; stays on the heap: size overflows}}
  if (p)
    p[0] = 0;
  free(p);
}
