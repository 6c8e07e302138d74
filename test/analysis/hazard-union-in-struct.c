// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A union nested in a struct is still a union.
#include "alloc.h"

struct value { int kind; union { char *s; long i; } u; };
long read(void) {
  struct value v;
  v.kind = 1;
  v.u.s = malloc(16); // expected-remark {{'v.u.s' escapes to heap: stored in a union}}
  return v.u.i;
}
