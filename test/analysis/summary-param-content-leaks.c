// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A parameter whose pointee is published leaks its content.
#include "alloc.h"

struct box { char *item; };
char *last;
void publish(struct box *b) { last = b->item; } // expected-remark {{leaking param content: 'b'}}
void use(void) {
  struct box b;
  b.item = malloc(8); // expected-remark {{'b.item' escapes to heap}}
  publish(&b);
}
