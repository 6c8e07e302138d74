// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A parameter stored into another parameter's pointee leaks to it.
#include "alloc.h"

struct box { char *item; };
static void put(struct box *b, char *v) { b->item = v; } // expected-remark {{leaking param: 'v' to '*b'}}
int local(void) {
  struct box b;
  char *p = malloc(8); // expected-remark {{allocation does not escape; would move to the stack}}
  put(&b, p);
  b.item[0] = 1;
  int r = b.item[0];
  free(p);
  return r;
}
