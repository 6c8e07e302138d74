// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// Without the frame arena a loop-carried object stays on the heap, with the reason.
#include "alloc.h"

void chain(int n) {
  char *prev = 0;
  while (n--) {
    char *p = malloc(8); // expected-remark {{allocation does not escape; stays on the heap: object may be live across loop iterations; the frame arena is off (-fplugin-arg-escape-arena=1)}}
    free(prev);
    prev = p;
  }
  free(prev);
}
