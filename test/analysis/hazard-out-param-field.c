// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// Storing an allocation into a field of the caller's struct escapes.
#include "alloc.h"

struct buf { char *data; int len; };
void init(struct buf *b) {
  b->data = malloc(16); // expected-remark {{'b->data' escapes to heap}}
  b->len = 16;
}
