// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A size that is constant through an unmodified local variable is constant;
// one the function changes, or whose address escapes, is not.
#include "alloc.h"

long fixed(void) {
  unsigned long cap = 32;
  long *keys = malloc(cap * sizeof *keys); // expected-remark {{allocation does not escape; would move to the stack}}
  keys[0] = 1;
  long r = keys[0];
  free(keys);
  return r;
}

long grown(int more) {
  unsigned long cap = 32;
  if (more)
    cap *= 2;
  long *keys = malloc(cap * sizeof *keys); // expected-remark {{allocation does not escape; stays on the heap: size is dynamic}}
  keys[0] = 1;
  long r = keys[0];
  free(keys);
  return r;
}

long watched(void) {
  unsigned long cap = 32;
  opaque(&cap);
  long *keys = malloc(cap * sizeof *keys); // expected-remark {{allocation does not escape; stays on the heap: size is dynamic}}
  keys[0] = 1;
  long r = keys[0];
  free(keys);
  return r;
}
