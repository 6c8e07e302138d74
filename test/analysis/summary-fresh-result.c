// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A callee that returns fresh memory: its site escapes there.  It is an
// allocation wrapper of a constant size, so its call is a site of the
// caller that may take the stack.
#include "alloc.h"

static char *make(void) {
  return malloc(8); // expected-remark {{allocation escapes to heap: returned from 'make'}}
}
int use(void) {
  char *p = make(); // expected-remark {{allocation does not escape; would move to the stack}}
  p[0] = 1;
  int r = p[0];
  free(p);
  return r;
}
