// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A three-function cycle passes a result leak all the way round.
#include "alloc.h"

char *c(char *p, int n);
char *a(char *p, int n) { return n ? c(p, n - 1) : p; } // expected-remark {{leaking param: 'p' to result}}
char *b(char *p, int n) { return a(p, n); }             // expected-remark {{leaking param: 'p' to result}}
char *c(char *p, int n) { return b(p, n); }             // expected-remark {{leaking param: 'p' to result}}
char *last;
void use(void) {
  char *p = malloc(8); // expected-remark {{'p' escapes to heap: assigned to global 'last'}}
  last = b(p, 2);
}
