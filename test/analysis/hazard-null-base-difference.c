// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// `p - (char *)0` is p's address as a number, as `(uintptr_t)p` is, and
// `(char *)0 + d` rebuilds p: glibc's obstack.h aligns its pointers so
// (__PTR_ALIGN on 64-bit targets).  The difference escapes unless it is
// only compared or masked by a small constant, as a converted pointer
// does; the difference of two pointers into objects is their distance.
#include "alloc.h"

typedef __PTRDIFF_TYPE__ ptrdiff_t;
char *kept;
ptrdiff_t kept_len;

void rebuilt(void) {
  char *p = malloc(16); // expected-remark {{'p' escapes to heap: converted to an integer (a null pointer subtracted)}}
  kept = (char *)0 + (p - (char *)0);
}

void rebuilt_aligned(long mask) {
  char *p = malloc(64); // expected-remark {{'p' escapes to heap: converted to an integer (a null pointer subtracted)}}
  kept = (char *)0 + (((p - (char *)0) + mask) & ~mask);
}

void through_a_variable(void) {
  char *p = malloc(16); // expected-remark {{'p' escapes to heap: converted to an integer (a null pointer subtracted)}}
  ptrdiff_t d = p - (char *)0;
  kept = (char *)0 + d;
}

int alignment_check(void) {
  char *p = malloc(64); // expected-remark {{allocation does not escape; would move to the stack}}
  int ok = ((p - (char *)0) & 15) == 0;
  free(p);
  return ok;
}

void distance(void) {
  char *p = malloc(64); // expected-remark {{allocation does not escape; would move to the stack}}
  char *end = p + 40;
  kept_len = end - p;
  free(p);
}
