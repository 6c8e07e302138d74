// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A pointer that may point to a local or to a global: a store through it escapes.
#include "alloc.h"

struct node { char *name; };
struct node *head;
void set(int c) {
  struct node local;
  struct node *n = c ? &local : head;
  n->name = malloc(8); // expected-remark {{'n->name' escapes to heap}}
}
