// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// Array elements are one location: one published element publishes all.
#include "alloc.h"

char *last;
void use(void) {
  char *v[2];
  v[0] = malloc(8); // expected-remark {{'v[0]' escapes to heap: assigned to global 'last'}}
  // BAD: does not escape; only v[1] is published, but elements are not told apart.
  v[1] = malloc(8); // expected-remark {{'v[1]' escapes to heap: assigned to global 'last'}}
  last = v[1];
  free(v[0]);
}
