// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A parameter's pointee returned leaks its content to the result.
#include "alloc.h"

struct box { char *item; };
char *get(struct box *b) { return b->item; } // expected-remark {{leaking param content: 'b' to result}}
char *last;
void use(void) {
  struct box b;
  b.item = malloc(8); // expected-remark {{'b.item' escapes to heap: assigned to global 'last'}}
  last = get(&b);
}
