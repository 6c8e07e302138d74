// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A field of a local struct holding a malloc does not escape.
#include "alloc.h"

struct buf { char *data; int len; };
int use(void) {
  struct buf b;
  b.data = malloc(16); // expected-remark {{allocation does not escape; would move to the stack}}
  b.len = 16;
  b.data[0] = 1;
  int r = b.data[0];
  free(b.data);
  return r;
}
