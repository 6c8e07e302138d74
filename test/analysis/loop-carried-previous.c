// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -fplugin-arg-escape-arena=1 -I %inputs %s
// An object kept for the next iteration is loop-carried: the frame arena.
#include "alloc.h"

void chain(int n) {
  char *prev = 0;
  while (n--) {
    char *p = malloc(8); // expected-remark {{allocation does not escape; would move to the frame arena}}
    free(prev);
    prev = p;
  }
  free(prev);
}
