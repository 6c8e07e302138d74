// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -fplugin-arg-escape-arena=1 -I %inputs %s
// An object stored into a container allocated before the loop is loop-carried.
#include "alloc.h"

struct node { char *name; };
void rename(int n) {
  struct node *h = malloc(sizeof *h); // expected-remark {{allocation does not escape; would move to the stack}}
  h->name = 0;
  for (int i = 0; i < n; i++) {
    free(h->name);
    h->name = malloc(8); // expected-remark {{allocation does not escape; would move to the frame arena}}
  }
  free(h->name);
  free(h);
}
