// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// break and continue do not make an iteration's object loop-carried.
#include "alloc.h"

void each(int n) {
  for (;;) {
    char *p = malloc(8); // expected-remark {{allocation does not escape; would move to the stack}}
    if (n--) {
      free(p);
      continue;
    }
    free(p);
    break;
  }
}
