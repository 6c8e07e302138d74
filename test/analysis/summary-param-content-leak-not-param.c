// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A leak of the pointee does not make the pointer itself escape.
#include "alloc.h"

struct box { char *item; };
char *last;
void publish(struct box *b) { last = b->item; } // expected-remark {{leaking param content: 'b'}}
void use(void) {
  struct box *b = malloc(sizeof *b); // expected-remark {{allocation does not escape; would move to the stack}}
  b->item = 0;
  publish(b);
  free(b);
}
