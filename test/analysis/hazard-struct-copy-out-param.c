// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// Copying a struct holding the pointer into the caller's struct escapes.
#include "alloc.h"

struct buf { char *data; int len; };
void make(struct buf *out) {
  struct buf b = { malloc(16), 16 }; // expected-remark {{escapes to heap}}
  *out = b;
}
