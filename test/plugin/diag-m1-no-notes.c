// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// -m=1 gives one remark per site and no flow notes.
#include "alloc.h"

char *last;
void use(void) {
  char *p = malloc(8); // expected-remark {{'p' escapes to heap: assigned to global 'last'}}
  char *q = p;
  last = q;
}
