// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// Reading a field through a summary keeps a local result local.
#include "alloc.h"

struct box { char *item; };
static char *get(struct box *b) { return b->item; } // expected-remark {{leaking param content: 'b' to result}}
int use(void) {
  struct box b;
  b.item = malloc(8); // expected-remark {{allocation does not escape; would move to the stack}}
  char *p = get(&b);
  p[0] = 1;
  int r = p[0];
  free(p);
  return r;
}
