// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// malloc(0) is a constant size like any other.
#include "alloc.h"

void zero(void) {
  char *p = malloc(0); // expected-remark {{allocation does not escape; would move to the stack}}
  free(p);
}
