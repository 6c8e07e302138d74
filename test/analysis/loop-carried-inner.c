// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -fplugin-arg-escape-arena=1 -I %inputs %s
// Carried by the inner loop only: still not on the stack.
#include "alloc.h"

void rows(int n) {
  for (int i = 0; i < n; i++) {
    char *keep = 0;
    for (int j = 0; j < n; j++) {
      char *p = malloc(8); // expected-remark {{allocation does not escape; would move to the frame arena}}
      free(keep);
      keep = p;
    }
    free(keep);
  }
}
