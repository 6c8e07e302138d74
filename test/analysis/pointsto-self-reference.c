// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A cyclic structure that stays local does not escape.
#include "alloc.h"

struct node { struct node *next; };
void ring(void) {
  struct node *a = malloc(sizeof *a); // expected-remark {{allocation does not escape; would move to the stack}}
  struct node *b = malloc(sizeof *b); // expected-remark {{allocation does not escape; would move to the stack}}
  a->next = b;
  b->next = a;
  free(a);
  free(b);
}
