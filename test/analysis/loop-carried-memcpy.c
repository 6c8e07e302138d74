// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -fplugin-arg-escape-arena=1 -I %inputs %s
// Pointer bytes copied into a variable outside the loop make the object loop-carried.
#include "alloc.h"

int keep_last(int n) {
  char *prev = 0;
  int s = 0;
  for (int i = 0; i < n; i++) {
    char *p = malloc(8); // expected-remark {{allocation does not escape; would move to the frame arena}}
    p[0] = (char)i;
    if (prev)
      s += prev[0];
    free(prev);
    memcpy(&prev, &p, sizeof p);
  }
  free(prev);
  return s;
}
