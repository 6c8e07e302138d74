// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// Result leaks compose through wrappers.
#include "alloc.h"

static char *id(char *p) { return p; }    // expected-remark {{leaking param: 'p' to result}}
static char *wrap(char *q) { return id(q); } // expected-remark {{leaking param: 'q' to result}}
char *last;
void use(void) {
  char *p = malloc(8); // expected-remark {{'p' escapes to heap: assigned to global 'last'}}
  last = wrap(p);
}
