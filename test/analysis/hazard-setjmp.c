// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A function that calls setjmp keeps its allocations on the heap.
#include "alloc.h"

jmp_buf env;
int guarded(void) {
  char *p = malloc(16); // expected-remark {{allocation does not escape; stays on the heap: function calls 'setjmp'}}
  if (setjmp(env)) {
    free(p);
    return 1;
  }
  free(p);
  return 0;
}
