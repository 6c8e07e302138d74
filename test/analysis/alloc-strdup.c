// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -fplugin-arg-escape-arena=1 -I %inputs %s
// strdup's size is the string's: the frame arena, not the stack.
#include "alloc.h"

int first(const char *s) {
  char *p = strdup(s); // expected-remark {{allocation does not escape; would move to the frame arena}}
  int r = p[0];
  free(p);
  return r;
}
