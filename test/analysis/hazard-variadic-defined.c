// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A variadic function in this file that stores its argument makes it escape.
#include "alloc.h"

char *last;
static void keep(int n, ...) {
  va_list ap;
  __builtin_va_start(ap, n);
  last = __builtin_va_arg(ap, char *);
  __builtin_va_end(ap);
}
void use(void) {
  char *p = malloc(16); // expected-remark {{'p' escapes to heap}}
  keep(1, p);
}
