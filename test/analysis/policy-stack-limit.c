// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -fplugin-arg-escape-arena=1 -I %inputs %s
// The default stack limit is 4096 bytes per object: 4096 fits, 4097 goes to the arena.
#include "alloc.h"

void f(void) {
  char *a = malloc(4096); // expected-remark {{allocation does not escape; would move to the stack}}
  char *b = malloc(4097); // expected-remark {{allocation does not escape; would move to the frame arena}}
  free(a);
  free(b);
}
