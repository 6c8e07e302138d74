// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A store through a pointer to a local variable stays local.
#include "alloc.h"

int use(void) {
  char *p;
  char **pp = &p;
  *pp = malloc(8); // expected-remark {{allocation does not escape; would move to the stack}}
  p[0] = 1;
  int r = p[0];
  free(p);
  return r;
}
