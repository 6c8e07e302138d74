// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -fplugin-arg-escape-arena=1 -I %inputs %s
// A pointer variable declared outside the loop makes the object loop-carried.
#include "alloc.h"

void each(int n) {
  char *p;
  for (int i = 0; i < n; i++) {
    p = malloc(8); // expected-remark {{allocation does not escape; would move to the frame arena}}
    // BAD: the stack; p is dead at the end of each iteration, but the
    // loop-depth rule looks at where p is declared, not where it is live.
    p[0] = 0;
    free(p);
  }
}
