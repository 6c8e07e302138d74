// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// An object allocated before a loop and used in it is not loop-carried.
#include "alloc.h"

void clear(int n) {
  char *p = malloc(8); // expected-remark {{allocation does not escape; would move to the stack}}
  for (int i = 0; i < n; i++)
    p[i % 8] = 0;
  free(p);
}
