// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A callee that frees its parameter keeps the caller's object on the heap.
#include "alloc.h"

static void release(char *p) { free(p); }
void use(void) {
  char *p = malloc(8); // expected-remark {{allocation does not escape; stays on the heap: freed by 'release'}}
  p[0] = 0;
  release(p);
}
