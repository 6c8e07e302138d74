// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// An allocation made and freed inside a GNU statement expression does not escape.
#include "alloc.h"

int f(void) {
  int r = ({
    char *p = malloc(8); // expected-remark {{allocation does not escape; would move to the stack}}
    p[0] = 1;
    int x = p[0];
    free(p);
    x;
  });
  return r;
}
