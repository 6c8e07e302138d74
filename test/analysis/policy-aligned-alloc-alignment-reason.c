// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// When the alignment keeps a site off the stack, the reason names the alignment, not the size.
#include "alloc.h"

void f(size_t a) {
  char *p = aligned_alloc(8192, 8192); // expected-remark {{allocation does not escape; stays on the heap: alignment is dynamic or above 4096; the frame arena is off (-fplugin-arg-escape-arena=1)}}
  char *q = aligned_alloc(a, 64);      // expected-remark {{allocation does not escape; stays on the heap: alignment is dynamic or above 4096; the frame arena is off (-fplugin-arg-escape-arena=1)}}
  free(p);
  free(q);
}
