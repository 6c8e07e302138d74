// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A pointer copied into a second struct that is returned escapes.
#include "alloc.h"

struct buf { char *data; int len; };
struct buf make(void) {
  char *p = malloc(16); // expected-remark {{'p' escapes to heap: returned from 'make'}}
  struct buf a = { p, 16 };
  struct buf b = a;
  return b;
}
