// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// An object of the inner loop's iteration is not carried by either loop.
#include "alloc.h"

void grid(int n) {
  for (int i = 0; i < n; i++)
    for (int j = 0; j < n; j++) {
      char *p = malloc(8); // expected-remark {{allocation does not escape; would move to the stack}}
      p[0] = (char)(i + j);
      free(p);
    }
}
