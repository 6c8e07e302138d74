// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// RUN: %escape -fsyntax-only -Xclang -verify=arena -fplugin-arg-escape-m=1 -fplugin-arg-escape-arena=1 -I %inputs %s
// A realloc result that does not escape goes to the frame arena (its size is
// a run-time value, so never the stack), as does the block it reallocates;
// without the arena both stay on the heap.
#include "alloc.h"

void grow(void) {
  char *p = malloc(8);   // expected-remark {{allocation does not escape; stays on the heap: passed to 'realloc'}} arena-remark {{allocation does not escape; would move to the frame arena}}
  char *q = realloc(p, 64); // expected-remark {{allocation does not escape; stays on the heap: size is dynamic}} arena-remark {{allocation does not escape; would move to the frame arena}}
  if (q)
    free(q);
}

char *kept;
void keep(void) {
  char *p = malloc(8);   // arena-remark {{allocation does not escape; would move to the frame arena}} expected-remark {{allocation does not escape; stays on the heap: passed to 'realloc'}}
  kept = realloc(p, 64); // arena-remark {{'kept' escapes to heap: assigned to global 'kept'}} expected-remark {{'kept' escapes to heap: assigned to global 'kept'}}
}
