// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=2 -I %inputs %s
// -m=2 adds one note per flow step, each at its own location.
#include "alloc.h"

char *last;
void use(void) {
  char *p = malloc(8); // expected-remark {{'p' escapes to heap: assigned to global 'last'}} expected-note {{flow: assigned to 'p'}}
  char *q = p;         // expected-note {{flow: assigned to 'q'}}
  last = q;            // expected-note {{flow: assigned to global 'last'}}
}
