// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=2 -I %inputs %s
// -m=2 also explains why a non-escaping object must stay on the heap.
#include "alloc.h"

static void release(char *q) { free(q); }
void use(void) {
  char *p = malloc(8); // expected-remark {{allocation does not escape; stays on the heap: freed by 'release'}} expected-note {{flow: assigned to 'p'}}
  release(p); // expected-note {{flow: freed by 'release'}}
}
