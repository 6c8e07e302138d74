// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -fplugin-arg-escape-arena=1 -I %inputs %s
// aligned_alloc with a run-time alignment cannot be laid out on the stack.
#include "alloc.h"

void aligned(size_t a) {
  double *p = aligned_alloc(a, 128); // expected-remark {{allocation does not escape; would move to the frame arena}}
  p[0] = 1.0;
  free(p);
}
