// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A pragma argument other than on or off is a warning and changes nothing.
#include "alloc.h"

#pragma escape maybe // expected-warning {{expected 'on' or 'off' after '#pragma escape'}}
void f(void) {
  char *p = malloc(8); // expected-remark {{allocation does not escape; would move to the stack}}
  free(p);
}
