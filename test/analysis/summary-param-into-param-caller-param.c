// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// The target parameter is the caller's parameter: the caller leaks too.
#include "alloc.h"

struct box { char *item; };
static void put(struct box *b, char *v) { b->item = v; } // expected-remark {{leaking param: 'v' to '*b'}}
void fill(struct box *out) {
  char *p = malloc(8); // expected-remark {{'p' escapes to heap}}
  put(out, p);
}
