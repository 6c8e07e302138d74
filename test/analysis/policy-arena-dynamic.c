// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -fplugin-arg-escape-arena=1 -I %inputs %s
// A dynamic size goes to the frame arena.
#include "alloc.h"

void f(size_t n) {
  char *p = malloc(n); // expected-remark {{allocation does not escape; would move to the frame arena}}
  free(p);
}
