// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A pointer inside a struct returned by value escapes.
#include "alloc.h"

struct buf { char *data; int len; };
struct buf make(void) {
  struct buf b;
  b.data = malloc(16); // expected-remark {{'b.data' escapes to heap: returned from 'make'}}
  b.len = 16;
  return b;
}
