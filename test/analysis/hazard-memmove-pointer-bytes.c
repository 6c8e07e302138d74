// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// memmove of a struct holding a pointer into caller memory escapes.
#include "alloc.h"

struct holder { char *p; };
void fill(struct holder *out) {
  struct holder h;
  h.p = malloc(16); // expected-remark {{'h.p' escapes to heap}}
  memmove(out, &h, sizeof h);
}
