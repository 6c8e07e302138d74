// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -fplugin-arg-escape-arena=1 -I %inputs %s
// The default arena cap is 1 MiB: larger constant sizes stay on the heap.
#include "alloc.h"

void f(void) {
  char *a = malloc(1 << 20);       // expected-remark {{allocation does not escape; would move to the frame arena}}
  char *b = malloc((1 << 20) + 1); // expected-remark {{allocation does not escape; stays on the heap: size 1048577 exceeds the arena cap 1048576}}
  free(a);
  free(b);
}
