// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -fplugin-arg-escape-arena=1 -I %inputs %s
// strndup's size is bounded, not constant: the frame arena.
#include "alloc.h"

int first(const char *s) {
  char *p = strndup(s, 8); // expected-remark {{allocation does not escape; would move to the frame arena}}
  int r = p[0];
  free(p);
  return r;
}
