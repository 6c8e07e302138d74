// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// An argument leaking to a result that is published escapes.
#include "alloc.h"

char *id(char *p) { return p; } // expected-remark {{leaking param: 'p' to result}}
char *last;
void publish(void) {
  char *p = malloc(8); // expected-remark {{'p' escapes to heap: assigned to global 'last'}}
  last = id(p);
}
