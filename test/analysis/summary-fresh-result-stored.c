// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A fresh result is a separate object: storing a local allocation into it stays local.
#include "alloc.h"

struct node { char *name; };
static struct node *make(void) {
  struct node *n = malloc(sizeof *n); // expected-remark {{'n' escapes to heap: returned from 'make'}}
  n->name = 0;
  return n;
}
int use(void) {
  struct node *n = make(); // expected-remark {{allocation does not escape; would move to the stack}}
  n->name = malloc(8); // expected-remark {{allocation does not escape; would move to the stack}}
  n->name[0] = 1;
  int r = n->name[0];
  free(n->name);
  free(n);
  return r;
}
