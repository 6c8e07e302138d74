// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A noescape callee may overwrite the pointee with unknown pointers.
#include "alloc.h"

void fill(__attribute__((noescape)) char **slot);
static int use(void) { // static: see hidden-recursion.c
  char **slot = malloc(sizeof *slot); // expected-remark {{allocation does not escape; would move to the stack}}
  fill(slot);
  int r = (*slot)[0];
  free(slot);
  return r;
}
