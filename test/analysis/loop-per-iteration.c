// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// An object allocated and freed in each iteration is not loop-carried: the stack.
#include "alloc.h"

void each(int n) {
  for (int i = 0; i < n; i++) {
    char *p = malloc(8); // expected-remark {{allocation does not escape; would move to the stack}}
    p[0] = (char)i;
    free(p);
  }
}
