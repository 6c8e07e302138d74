// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -fplugin-arg-escape-arena=1 -I %inputs %s
// A dynamic array grown by a helper through a pointer to the caller's
// struct: the helper's realloc stores the block in the caller's memory,
// which outlives the helper's frame, so the block stays on the heap even
// when the caller's struct never leaves the caller.
#include "alloc.h"

struct vec { int *data; unsigned long n, cap; };

static void vec_push(struct vec *v, int x) {
  if (v->n == v->cap) {
    v->cap = v->cap ? 2 * v->cap : 8;
    // BAD: arena in the caller's frame; the block only ever lives in
    // sum_squares's local struct, but sites belong to the function that
    // calls the allocator.
    v->data = realloc(v->data, v->cap * sizeof *v->data); // expected-remark {{'v->data' escapes to heap: stored into 'v->data'}}
  }
  v->data[v->n++] = x;
}

long sum_squares(int k) {
  struct vec v = {0, 0, 0};
  for (int i = 0; i < k; i++)
    vec_push(&v, i * i);
  long s = 0;
  for (unsigned long i = 0; i < v.n; i++)
    s += v.data[i];
  free(v.data);
  return s;
}
