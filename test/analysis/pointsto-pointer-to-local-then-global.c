// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// Loading back through a pointer to a local and publishing the value escapes.
#include "alloc.h"

char *last;
void use(void) {
  char *p;
  char **pp = &p;
  *pp = malloc(8); // expected-remark {{'*pp' escapes to heap: assigned to global 'last'}}
  last = p;
}
