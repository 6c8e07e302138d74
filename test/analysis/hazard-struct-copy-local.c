// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A struct copy between locals keeps the pointer local.
#include "alloc.h"

struct buf { char *data; int len; };
int sum(void) {
  struct buf a = { malloc(16), 16 }; // expected-remark {{allocation does not escape; would move to the stack}}
  struct buf b = a;
  b.data[0] = 1;
  int r = b.data[0];
  free(b.data);
  return r;
}
