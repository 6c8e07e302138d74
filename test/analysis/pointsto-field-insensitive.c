// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// Fields are not told apart: publishing one field publishes the other's pointee.
#include "alloc.h"

struct pair { char *a; char *b; };
char *last;
void use(void) {
  struct pair p;
  p.a = malloc(8); // expected-remark {{'p.a' escapes to heap: assigned to global 'last'}}
  // BAD: p.a does not escape; only p.b is published, but the analysis is field-insensitive.
  p.b = malloc(8); // expected-remark {{'p.b' escapes to heap: assigned to global 'last'}}
  last = p.b;
}
