// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A store to a function-scope static escapes.
#include "alloc.h"

char *cached(void) {
  static char *c;
  if (!c)
    c = malloc(16); // expected-remark {{'c' escapes to heap: assigned to global 'c'}}
  return c;
}
