// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A store through a pointer returned by an unknown function escapes.
#include "alloc.h"

struct node { char *name; };
void name(void) {
  struct node *n = opaque_result();
  n->name = malloc(16); // expected-remark {{'n->name' escapes to heap}}
}
