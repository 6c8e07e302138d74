// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// RUN: %escape -fsyntax-only -Xclang -verify=arena -fplugin-arg-escape-m=1 -fplugin-arg-escape-arena=1 -I %inputs %s
// reallocarray is realloc with a checked product: its block and its result
// follow realloc's rules (frame arena only), where its argument used to
// escape into a function of unknown code.
#include "alloc.h"
#include "libc-extra.h"

void grow(unsigned long n) {
  int *p = calloc(1, sizeof *p); // expected-remark {{allocation does not escape; stays on the heap: passed to 'reallocarray'}} arena-remark {{allocation does not escape; would move to the frame arena}}
  int *q = reallocarray(p, n, sizeof *p); // expected-remark {{allocation does not escape; stays on the heap: size is dynamic}} arena-remark {{allocation does not escape; would move to the frame arena}}
  if (q)
    free(q);
}

int *returned(void) {
  int *v = calloc(1, sizeof *v); // expected-remark {{allocation does not escape; stays on the heap: passed to 'reallocarray'}} arena-remark {{allocation does not escape; would move to the frame arena}}
  return reallocarray(v, 4, sizeof *v); // expected-remark {{allocation escapes to heap: returned from 'returned'}} arena-remark {{allocation escapes to heap: returned from 'returned'}}
}
