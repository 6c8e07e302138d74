// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A pointer in a returned compound literal escapes.
#include "alloc.h"

struct buf { char *data; int len; };
struct buf make(void) {
  return (struct buf){ malloc(16), 16 }; // expected-remark {{allocation escapes to heap: returned from 'make'}}
}
