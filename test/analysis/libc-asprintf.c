// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// asprintf reads its arguments and stores a block of its own into *strp
// (a site: alloc-asprintf.c).
#include "alloc.h"

int show(void) {
  char *p = malloc(8); // expected-remark {{allocation does not escape; would move to the stack}}
  strcpy(p, "x");
  char *s;
  int n = asprintf(&s, "%s", p); // expected-remark {{allocation does not escape; stays on the heap: 'asprintf' returns its block through a pointer; the frame arena is off (-fplugin-arg-escape-arena=1)}}
  free(p);
  free(s);
  return n;
}
