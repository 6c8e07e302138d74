// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// #pragma escape off excludes the functions that follow from promotion.
#include "alloc.h"

#pragma escape off
void off(void) {
  char *p = malloc(8); // expected-remark {{allocation does not escape; stays on the heap: promotion disabled for this function}}
  free(p);
}
