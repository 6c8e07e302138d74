// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// Passing an allocation to a function the analysis cannot see escapes.
#include "alloc.h"

void hand_off(void) {
  char *p = malloc(16); // expected-remark {{'p' escapes to heap: passed to 'opaque'}}
  opaque(p);
  free(p);
}
