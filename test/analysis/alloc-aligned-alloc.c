// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// aligned_alloc with constant alignment and size would move to the stack.
#include "alloc.h"

void aligned(void) {
  double *p = aligned_alloc(64, 128); // expected-remark {{allocation does not escape; would move to the stack}}
  p[0] = 1.0;
  free(p);
}
