// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A returned allocation escapes.
#include "alloc.h"

char *make(void) {
  char *p = malloc(16); // expected-remark {{'p' escapes to heap: returned from 'make'}}
  p[0] = 0;
  return p;
}
