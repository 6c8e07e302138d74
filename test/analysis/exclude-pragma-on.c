// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// #pragma escape on re-enables promotion for the functions after it.
#include "alloc.h"

#pragma escape off
void off(void) {
  char *p = malloc(8); // expected-remark {{allocation does not escape; stays on the heap: promotion disabled for this function}}
  free(p);
}
#pragma escape on
void on(void) {
  char *p = malloc(8); // expected-remark {{allocation does not escape; would move to the stack}}
  free(p);
}
