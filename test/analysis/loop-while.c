// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A while loop body is a loop like any other.
#include "alloc.h"

void each(int n) {
  while (n--) {
    char *p = malloc(8); // expected-remark {{allocation does not escape; would move to the stack}}
    p[0] = (char)n;
    free(p);
  }
}
