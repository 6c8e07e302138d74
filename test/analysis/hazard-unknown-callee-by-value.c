// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A struct passed by value to an unknown function carries its pointers with it.
#include "alloc.h"

struct holder { char *p; };
void take(struct holder);
void hand_off(void) {
  struct holder h;
  h.p = malloc(16); // expected-remark {{'h.p' escapes to heap}}
  take(h);
}
