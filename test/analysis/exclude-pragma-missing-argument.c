// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A pragma with no argument is a warning.
#include "alloc.h"

#pragma escape // expected-warning {{expected 'on' or 'off' after '#pragma escape'}}
void f(void) {
  char *p = malloc(8); // expected-remark {{allocation does not escape; would move to the stack}}
  free(p);
}
