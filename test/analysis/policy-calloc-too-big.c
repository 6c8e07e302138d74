// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// calloc's size is count times size: that product is checked against the stack limit.
#include "alloc.h"
void f(void) {
  char *p = calloc(257, 4); // expected-remark {{stays on the heap: size 1028 exceeds the stack limit 1024}}
  free(p);
}
