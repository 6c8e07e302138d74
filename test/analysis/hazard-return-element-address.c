// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// Returning the address of an element escapes the whole allocation.
#include "alloc.h"

int *third(void) {
  int *p = malloc(4 * sizeof(int)); // expected-remark {{'p' escapes to heap: returned from 'third'}}
  return &p[2];
}
