// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A parameter stored in a global leaks: callers' arguments escape.
#include "alloc.h"

char *last;
void keep(char *p) { last = p; } // expected-remark {{leaking param: 'p'}}
void use(void) {
  char *p = malloc(8); // expected-remark {{'p' escapes to heap: passed to 'keep', whose parameter 'p' leaks}}
  keep(p);
}
