// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A noescape parameter does not capture its argument.
#include "alloc.h"

void inspect(__attribute__((noescape)) char *p);
static void use(void) { // static: see hidden-recursion.c
  char *p = malloc(8); // expected-remark {{allocation does not escape; would move to the stack}}
  inspect(p);
  free(p);
}
