// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// The value of a statement expression flows on: here into a global.
#include "alloc.h"

char *last;
void f(void) {
  last = ({
    char *p = malloc(8); // expected-remark {{'p' escapes to heap: assigned to global 'last'}}
    p[0] = 0;
    p;
  });
}
