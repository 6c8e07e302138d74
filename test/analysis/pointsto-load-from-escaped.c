// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A pointer loaded from escaped memory points to unknown memory; storing into it escapes.
#include "alloc.h"

struct node { char *name; struct node *next; };
struct node *head;
void rename(void) {
  struct node *n = head->next;
  n->name = malloc(8); // expected-remark {{'n->name' escapes to heap}}
}
