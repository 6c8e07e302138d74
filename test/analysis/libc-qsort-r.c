// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// glibc's qsort_r passes its last argument to the comparator: with a
// comparator that captures nothing, the array and the context stay local;
// one that keeps a pointer makes every argument escape.
#include "alloc.h"
#include "libc-extra.h"

struct ctx { int calls; int descending; const void *last; };

static int by_value(const void *a, const void *b, void *c) {
  struct ctx *x = c;
  x->calls++;
  int d = *(const int *)a - *(const int *)b;
  return x->descending ? -d : d;
}

static int keeps_last(const void *a, const void *b, void *c) { // expected-remark {{leaking param: 'a' to '*c'}}
  ((struct ctx *)c)->last = a;
  return *(const int *)a - *(const int *)b;
}

int sort_local(void) {
  int *v = malloc(4 * sizeof *v);            // expected-remark {{allocation does not escape; would move to the stack}}
  struct ctx *c = calloc(1, sizeof *c);      // expected-remark {{allocation does not escape; would move to the stack}}
  for (int i = 0; i < 4; i++) v[i] = 4 - i;
  qsort_r(v, 4, sizeof *v, by_value, c);
  int r = v[0] + c->calls;
  free(c);
  free(v);
  return r;
}

int sort_keeping(void) {
  int *v = malloc(4 * sizeof *v);            // expected-remark {{'v' escapes to heap: retained by 'qsort_r'}}
  struct ctx *c = calloc(1, sizeof *c);      // expected-remark {{'c' escapes to heap: retained by 'qsort_r'}}
  for (int i = 0; i < 4; i++) v[i] = 4 - i;
  qsort_r(v, 4, sizeof *v, keeps_last, c);
  int r = v[0];
  free(c);
  free(v);
  return r;
}
