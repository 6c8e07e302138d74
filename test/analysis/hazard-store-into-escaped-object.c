// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A pointer stored into an object that escapes escapes too.
#include "alloc.h"

struct node { char *name; };
struct node *head;
void push(void) {
  struct node *n = malloc(sizeof *n); // expected-remark {{'n' escapes to heap: assigned to global 'head'}}
  n->name = malloc(16);               // expected-remark {{'n->name' escapes to heap}}
  head = n;
}
