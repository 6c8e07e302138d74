// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A cleanup function that frees the object keeps it on the heap.
#include "alloc.h"

static void release(char **p) { free(*p); }
int f(void) {
  char *p __attribute__((cleanup(release))) = malloc(8); // expected-remark {{allocation does not escape; stays on the heap: freed by 'release'}}
  p[0] = 1;
  return p[0];
}
