// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// Above the stack limit, without the arena, the reason names the size and the limit.
#include "alloc.h"
void f(void) {
  char *b = malloc(1025); // expected-remark {{allocation does not escape; stays on the heap: size 1025 exceeds the stack limit 1024; the frame arena is off (-fplugin-arg-escape-arena=1)}}
  free(b);
}
