// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A store through a parameter reaches memory that outlives the frame.
#include "alloc.h"

struct node { char *name; };
void name(struct node *n) {
  n->name = malloc(16); // expected-remark {{'n->name' escapes to heap}}
}
