// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// Other annotations do not exclude.
#include "alloc.h"

__attribute__((annotate("hot"))) void on(void) {
  char *p = malloc(8); // expected-remark {{allocation does not escape; would move to the stack}}
  free(p);
}
