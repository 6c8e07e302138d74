// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// memset returns its destination; a local use keeps it local.
#include "alloc.h"

int zero(void) {
  char *p = memset(malloc(8), 0, 8); // expected-remark {{allocation does not escape; would move to the stack}}
  int r = p[0];
  free(p);
  return r;
}
