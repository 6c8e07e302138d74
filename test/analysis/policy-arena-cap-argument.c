// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -fplugin-arg-escape-arena=1 -fplugin-arg-escape-arena-cap=8192 -I %inputs %s
// arena-cap=N changes the arena's per-object cap.
#include "alloc.h"

void f(void) {
  char *a = malloc(8192); // expected-remark {{allocation does not escape; would move to the frame arena}}
  char *b = malloc(8193); // expected-remark {{stays on the heap: size 8193 exceeds the arena cap 8192}}
  free(a);
  free(b);
}
