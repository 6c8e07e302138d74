// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A pointer rounded as a number and converted straight back,
// `(T *)(((uintptr_t)raw + 63) & ~(uintptr_t)63)`, is made of its own bits
// and constants: it points where raw does, and raw's bits go nowhere
// else.  Anything else done with the number (kept, truncated, mixed with
// another pointer or a run-time value) is a conversion to an integer, as
// before.
#include "alloc.h"

typedef unsigned long uintptr_t;
typedef unsigned int uint32_t;

double aligned_sum(void) {
  char *raw = malloc(256 + 63); // expected-remark {{allocation does not escape}}
  double *a = (double *)(((uintptr_t)raw + 63) & ~(uintptr_t)63);
  double s = 0;
  for (int i = 0; i < 32; i++)
    s += a[i] = i;
  free(raw);
  return s;
}

int tagged(void) {
  int *p = malloc(sizeof *p); // expected-remark {{allocation does not escape}}
  *p = 7;
  int *q = (int *)(((uintptr_t)p | 1) ^ 1);
  int v = *q;
  free(p);
  return v;
}

double *returned(void) {
  char *raw = malloc(256 + 63); // expected-remark {{'raw' escapes to heap: returned from 'returned'}}
  return (double *)(((uintptr_t)raw + 63) & ~(uintptr_t)63);
}

char *kept;
void global(void) {
  char *raw = malloc(64); // expected-remark {{'raw' escapes to heap: assigned to global 'kept'}}
  kept = (char *)((uintptr_t)raw ^ 1);
}

void truncated(void) {
  char *raw = malloc(64); // expected-remark {{'raw' escapes to heap: converted to an integer}}
  char *q = (char *)(uintptr_t)(uint32_t)(uintptr_t)raw;
  q[0] = 1;
  free(raw);
}

void mixed(char *o) { // expected-remark {{leaking param: 'o'}}
  char *raw = malloc(64); // expected-remark {{'raw' escapes to heap: converted to an integer}}
  char *q = (char *)((uintptr_t)raw - (uintptr_t)o);
  q[0] = 1;
  free(raw);
}

void runtime_mask(uintptr_t align) {
  char *raw = malloc(64); // expected-remark {{'raw' escapes to heap: converted to an integer}}
  char *q = (char *)(((uintptr_t)raw + align - 1) & ~(align - 1));
  q[0] = 1;
  free(raw);
}

void through_slot(void **slot) {
  char *raw = malloc(64); // expected-remark {{allocation does not escape}}
  void **a = (void **)(((uintptr_t)raw + 15) & ~(uintptr_t)15);
  int *x = malloc(4); // expected-remark {{'x' escapes to heap: stored into '*slot'}}
  a[0] = x;
  *slot = a[0];
  free(raw);
}
