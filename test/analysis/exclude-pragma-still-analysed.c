// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// Excluded functions are still analysed: escapes are reported.
#include "alloc.h"

char *last;
#pragma escape off
void off(void) {
  last = malloc(8); // expected-remark {{'last' escapes to heap: assigned to global 'last'}}
}
