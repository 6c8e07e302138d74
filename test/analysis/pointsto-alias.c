// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A store through an alias reaches the aliased object.
#include "alloc.h"

struct node { char *name; };
struct node *head;
void set(void) {
  struct node *n = malloc(sizeof *n); // expected-remark {{'n' escapes to heap: assigned to global 'head'}}
  struct node *alias = n;
  alias->name = malloc(8); // expected-remark {{'alias->name' escapes to heap}}
  head = n;
}
