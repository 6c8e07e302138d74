// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// noescape covers the pointer, not what the pointee holds: those pointers escape.
#include "alloc.h"

struct box { char *item; };
void inspect(__attribute__((noescape)) struct box *b);
static void use(void) { // static: see hidden-recursion.c
  struct box *b = malloc(sizeof *b); // expected-remark {{allocation does not escape; would move to the stack}}
  b->item = malloc(8);               // expected-remark {{'b->item' escapes to heap: content passed to 'inspect'}}
  inspect(b);
  free(b);
}
