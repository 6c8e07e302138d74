// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A struct copy carries the pointer: copying into a global escapes it.
#include "alloc.h"

struct buf { char *data; int len; };
struct buf saved;
void save(void) {
  struct buf b;
  b.data = malloc(16); // expected-remark {{'b.data' escapes to heap: assigned to global 'saved'}}
  b.len = 16;
  saved = b;
}
