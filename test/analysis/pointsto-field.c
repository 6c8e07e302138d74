// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// n->name = malloc(16) does not escape when n does not.
#include "alloc.h"

struct node { char *name; int id; };
int make(void) {
  struct node *n = malloc(sizeof *n); // expected-remark {{allocation does not escape; would move to the stack}}
  n->name = malloc(16);               // expected-remark {{allocation does not escape; would move to the stack}}
  n->name[0] = 'a';
  int r = n->name[0];
  free(n->name);
  free(n);
  return r;
}
