// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A store to a __thread variable escapes.
#include "alloc.h"

__thread char *scratch;
void set(void) {
  char *p = malloc(16); // expected-remark {{'p' escapes to heap: assigned to global 'scratch'}}
  scratch = p;
}
