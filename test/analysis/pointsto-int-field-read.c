// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// Reading an int field of a local struct does not launder its pointer fields.
#include "alloc.h"

struct req { char *buf; unsigned long len; };
unsigned long total(void) {
  struct req r = {malloc(16), 16}; // expected-remark {{allocation does not escape; would move to the stack}}
  r.buf[0] = 1;
  unsigned long n = r.len + (unsigned long)r.buf[0];
  free(r.buf);
  return n;
}
