// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A parameter wrapped in a returned struct leaks to the result.
#include "alloc.h"

struct box { char *item; };
static struct box wrap(char *p) { struct box b = { p }; return b; } // expected-remark {{leaking param: 'p' to result}}
char *last;
void use(void) {
  char *p = malloc(8); // expected-remark {{'p' escapes to heap: assigned to global 'last'}}
  last = wrap(p).item;
}
