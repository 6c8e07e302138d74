// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// Summaries compose: a leak two calls down reaches the caller.
#include "alloc.h"

char *last;
static void inner(char *p) { last = p; } // expected-remark {{leaking param: 'p'}}
static void outer(char *q) { inner(q); } // expected-remark {{leaking param: 'q'}}
void use(void) {
  char *p = malloc(8); // expected-remark {{'p' escapes to heap: passed to 'outer', whose parameter 'q' leaks}}
  outer(p);
}
