// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A callee that frees what its parameter points to keeps that object on the heap.
#include "alloc.h"

struct box { char *item; };
static void clear(struct box *b) { free(b->item); }
void use(void) {
  struct box b;
  b.item = malloc(8); // expected-remark {{allocation does not escape; stays on the heap: freed by 'clear'}}
  clear(&b);
}
