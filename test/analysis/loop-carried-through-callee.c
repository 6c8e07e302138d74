// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -fplugin-arg-escape-arena=1 -I %inputs %s
// An object stored by a callee into a container outside the loop is loop-carried.
#include "alloc.h"

struct box { char *item; };
static void put(struct box *b, char *v) { b->item = v; } // expected-remark {{leaking param: 'v' to '*b'}}
int keep_last(int n) {
  struct box b = { 0 };
  int s = 0;
  for (int i = 0; i < n; i++) {
    char *p = malloc(8); // expected-remark {{allocation does not escape; would move to the frame arena}}
    p[0] = (char)i;
    if (b.item)
      s += b.item[0];
    free(b.item);
    put(&b, p);
  }
  free(b.item);
  return s;
}
