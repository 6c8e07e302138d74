// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// Passing a struct that holds the pointer to an unknown function escapes the pointer.
#include "alloc.h"

struct holder { char *p; };
void hand_off(void) {
  struct holder h;
  h.p = malloc(16); // expected-remark {{'h.p' escapes to heap}}
  opaque(&h);
}
