// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// Without the frame arena a dynamic size stays on the heap, and the remark names the switch.
#include "alloc.h"

void f(size_t n) {
  char *p = malloc(n); // expected-remark {{allocation does not escape; stays on the heap: size is dynamic; the frame arena is off (-fplugin-arg-escape-arena=1)}}
  free(p);
}
