// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A parameter stored into a global through another parameter escapes at the call.
#include "alloc.h"

struct box { char *item; };
struct box shared;
static void put(struct box *b, char *v) { b->item = v; } // expected-remark {{leaking param: 'v' to '*b'}}
void publish(void) {
  char *p = malloc(8); // expected-remark {{'p' escapes to heap: stored by 'put' into '*b'}}
  put(&shared, p);
}
