// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A pointer copied through locals into a global escapes.
#include "alloc.h"

char *last;
void remember(void) {
  char *p = malloc(16); // expected-remark {{'p' escapes to heap: assigned to global 'last'}}
  char *q = p;
  last = q;
}
