// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A union nested in a struct: its integer member returned carries the
// pointer stored in its other one.
#include "alloc.h"

struct value { int kind; union { char *s; long i; } u; };
long read(void) {
  struct value v;
  v.kind = 1;
  v.u.s = malloc(16); // expected-remark {{'v.u.s' escapes to heap: returned as an integer from 'read'}}
  return v.u.i;
}
