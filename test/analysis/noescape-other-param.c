// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// noescape applies to its own parameter only.
#include "alloc.h"

void both(__attribute__((noescape)) char *kept_not, char *kept);
static void use(void) { // static: see hidden-recursion.c
  char *a = malloc(8); // expected-remark {{allocation does not escape; would move to the stack}}
  char *b = malloc(8); // expected-remark {{'b' escapes to heap: passed to 'both'}}
  both(a, b);
  free(a);
}
