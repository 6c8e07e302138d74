// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// Without code generation the plugin reports what it would do.
#include "alloc.h"

int first(void) {
  char *p = malloc(16); // expected-remark {{allocation does not escape; would move to the stack}}
  p[0] = 1;
  int r = p[0];
  free(p);
  return r;
}
