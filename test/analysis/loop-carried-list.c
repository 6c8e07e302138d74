// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -fplugin-arg-escape-arena=1 -I %inputs %s
// A linked list built in a loop carries every node (and their fields) across iterations.
#include "alloc.h"

struct node { char *name; struct node *next; };
void build(int n) {
  struct node *head = 0;
  for (int i = 0; i < n; i++) {
    struct node *x = malloc(sizeof *x); // expected-remark {{allocation does not escape; would move to the frame arena}}
    x->name = malloc(8);                // expected-remark {{allocation does not escape; would move to the frame arena}}
    x->next = head;
    head = x;
  }
  while (head) {
    struct node *next = head->next;
    free(head->name);
    free(head);
    head = next;
  }
}
