// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -fplugin-arg-escape-arena=1 -I %inputs %s
// A helper that grows a vector's storage in the caller's struct (its
// realloc stores the block into *v) gives the caller a heap block of its
// own, not unknown memory: blocks the caller pushes into it do not escape
// while the vector does not.  The helper's block must go nowhere else and
// hold nothing but what the helper's parameters reach; otherwise it is
// unknown memory, as before.
#include "alloc.h"

struct ptrvec {
  void **items;
  int n, cap;
};

static void grow(struct ptrvec *v) {
  v->cap = v->cap ? 2 * v->cap : 4;
  v->items = realloc(v->items, v->cap * sizeof *v->items); // expected-remark {{'v->items' escapes to heap: stored into 'v->items'}}
}

static void push(struct ptrvec *v, void *p) { // expected-remark {{leaking param: 'p' to '**v'}}
  if (v->n == v->cap)
    grow(v);
  v->items[v->n++] = p;
}

int local_only(int k) {
  struct ptrvec v = {0, 0, 0};
  for (int i = 0; i < k; i++) {
    int *x = malloc(sizeof *x); // expected-remark {{allocation does not escape; would move to the frame arena}}
    *x = i;
    push(&v, x);
  }
  int s = 0;
  for (int i = 0; i < v.n; i++) {
    s += *(int *)v.items[i];
    free(v.items[i]);
  }
  free(v.items);
  return s;
}

struct ptrvec published_vec;
void published(void) {
  struct ptrvec v = {0, 0, 0};
  int *x = malloc(sizeof *x); // expected-remark {{'x' escapes to heap}}
  push(&v, x);
  published_vec = v;
}

void **returned(void) {
  struct ptrvec v = {0, 0, 0};
  int *x = malloc(sizeof *x); // expected-remark {{'x' escapes to heap}}
  push(&v, x);
  return v.items;
}

// The helper keeps the block it allocates: unknown memory to callers.
static void **last_items;
static void push_tracked(struct ptrvec *v, void *p) { // expected-remark {{leaking param content: 'v'}} expected-remark {{leaking param: 'p'}}
  if (v->n == v->cap) {
    v->cap = v->cap ? 2 * v->cap : 4;
    v->items = realloc(v->items, v->cap * sizeof *v->items); // expected-remark {{'v->items' escapes to heap: assigned to global 'last_items'}}
    last_items = v->items;
  }
  v->items[v->n++] = p;
}

int tracked(void) {
  struct ptrvec v = {0, 0, 0};
  int *x = malloc(sizeof *x); // expected-remark {{'x' escapes to heap}}
  *x = 1;
  push_tracked(&v, x);
  int s = *(int *)v.items[0];
  free(x);
  free(v.items);
  return s;
}

// The helper puts a pointer of its own into the block: unknown memory.
static int shared;
static void push_marked(struct ptrvec *v, void *p) { // expected-remark {{leaking param deep content: 'v'}} expected-remark {{leaking param: 'p'}}
  if (v->n == v->cap) {
    v->cap = v->cap ? 2 * v->cap : 4;
    v->items = realloc(v->items, v->cap * sizeof *v->items); // expected-remark {{'v->items' escapes to heap: stored into 'v->items'}}
    v->items[v->cap - 1] = &shared;
  }
  v->items[v->n++] = p;
}

int marked(void) {
  struct ptrvec v = {0, 0, 0};
  int *x = malloc(sizeof *x); // expected-remark {{'x' escapes to heap}}
  *x = 2;
  push_marked(&v, x);
  int s = *(int *)v.items[0];
  free(x);
  free(v.items);
  return s;
}
