// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A free deep in a call cycle keeps the caller's object on the heap.
#include "alloc.h"

void drop(char *p, int n);
void pass(char *p, int n) { drop(p, n); }
void drop(char *p, int n) {
  if (n)
    pass(p, n - 1);
  else
    free(p);
}
void use(void) {
  char *p = malloc(8); // expected-remark {{allocation does not escape; stays on the heap: freed by 'pass'}}
  pass(p, 3);
}
