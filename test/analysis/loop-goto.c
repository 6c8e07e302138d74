// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -fplugin-arg-escape-arena=1 -I %inputs %s
// A backward goto is a loop: its objects do not go on the stack.
#include "alloc.h"

void retry(int n) {
again:;
  char *p = malloc(8); // expected-remark {{allocation does not escape; would move to the frame arena}}
  p[0] = 0;
  free(p);
  if (n--)
    goto again;
}
