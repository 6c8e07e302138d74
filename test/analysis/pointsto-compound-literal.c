// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A pointer stored in a local compound literal stays local.
#include "alloc.h"

struct buf { char *data; };
int use(void) {
  struct buf *b = &(struct buf){ malloc(8) }; // expected-remark {{allocation does not escape; would move to the stack}}
  b->data[0] = 1;
  int r = b->data[0];
  free(b->data);
  return r;
}
