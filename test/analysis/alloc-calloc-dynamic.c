// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -fplugin-arg-escape-arena=1 -I %inputs %s
// A calloc with a run-time count goes to the frame arena.
#include "alloc.h"

int dyn(size_t n) {
  int *p = calloc(n, sizeof(int)); // expected-remark {{allocation does not escape; would move to the frame arena}}
  int r = p[0];
  free(p);
  return r;
}
