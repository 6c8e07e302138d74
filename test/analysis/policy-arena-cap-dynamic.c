// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -fplugin-arg-escape-arena=1 -fplugin-arg-escape-arena-cap=16 -I %inputs %s
// The arena cap applies to constant sizes; dynamic sizes are checked at run time.
#include "alloc.h"

void f(size_t n) {
  char *p = malloc(n); // expected-remark {{allocation does not escape; would move to the frame arena}}
  free(p);
}
