// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A store to a global escapes.
#include "alloc.h"

char *last;
void remember(void) {
  last = malloc(16); // expected-remark {{'last' escapes to heap: assigned to global 'last'}}
}
