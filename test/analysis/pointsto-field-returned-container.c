// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// When the container is returned, what its fields point to escapes too.
#include "alloc.h"

struct node { char *name; int id; };
struct node *make(void) {
  struct node *n = malloc(sizeof *n); // expected-remark {{'n' escapes to heap: returned from 'make'}}
  n->name = malloc(16);               // expected-remark {{'n->name' escapes to heap}}
  return n;
}
