// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A pointer in a union leaves with what another member reads of it: a tag
// set in its low bits and the word returned takes the block with it.  One
// only the function reads stays.
#include "alloc.h"

union word { char *p; uintptr_t bits; };
uintptr_t tag(void) {
  union word w;
  w.p = malloc(16); // expected-remark {{'w.p' escapes to heap: returned as an integer from 'tag'}}
  w.bits |= 1;
  return w.bits;
}
int untag(void) {
  union word w;
  w.p = malloc(16); // expected-remark {{allocation does not escape; would move to the stack}}
  w.p[0] = 'x';
  w.bits |= 1;
  int r = (w.bits & 1) != 0; // a comparison holds no bytes
  w.bits &= ~(uintptr_t)1;
  r += w.p[0];
  free(w.p);
  return r;
}
