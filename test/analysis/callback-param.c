// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A function that calls a function-pointer parameter with its own
// parameters' memory (each(a, n, fn, ctx) calling fn(&a[i], ctx)) tells its
// callers so, and a caller that passes a function of the unit applies that
// function's summary to what it passed.  Anything else stays as at any
// indirect call: the arguments escape.
#include "alloc.h"

typedef void visit_fn(int *, void *);

static void each(int *a, int n, visit_fn *fn, void *ctx) {
  for (int i = 0; i < n; i++)
    fn(&a[i], ctx);
}

static void add(int *e, void *ctx) { *(long *)ctx += *e; }

long sum(int n) {
  int *a = malloc(n * sizeof *a); // expected-remark {{allocation does not escape}}
  long *total = malloc(sizeof *total); // expected-remark {{allocation does not escape}}
  for (int i = 0; i < n; i++)
    a[i] = i;
  *total = 0;
  each(a, n, add, total);
  long s = *total;
  free(total);
  free(a);
  return s;
}

// The function given keeps what it is handed.
int *kept;
static void keep(int *e, void *ctx) { kept = e; } // expected-remark {{leaking param: 'e'}}

void keeps(void) {
  int *a = malloc(4 * sizeof *a); // expected-remark {{'a' escapes to heap}}
  each(a, 4, keep, 0);
}

// It stores one argument into another, which the caller returns.
static void link(int *e, void *ctx) { *(int **)ctx = e; } // expected-remark {{leaking param: 'e' to '*ctx'}}

int *last(void) {
  int *a = malloc(4 * sizeof *a); // expected-remark {{'a' escapes to heap}}
  int *l = 0;
  each(a, 4, link, &l);
  return l;
}

// A function pointer the caller does not name.
long through(visit_fn *f) {
  int *a = malloc(4 * sizeof *a); // expected-remark {{'a' escapes to heap: passed by 'each' to a function it was given}}
  long t = 0;
  each(a, 4, f, &t);
  free(a);
  return t;
}

// The callee hands its own memory to the function: as before, everything
// passed to it escapes.
static void each_copy(int *a, int n, visit_fn *fn, void *ctx) { // expected-remark {{leaking param: 'a'}} expected-remark {{leaking param: 'ctx'}}
  int tmp[4];
  for (int i = 0; i < n && i < 4; i++) {
    tmp[i] = a[i];
    fn(&tmp[i], ctx);
    fn(&a[i], ctx);
  }
}

long copy_sum(void) {
  int *a = malloc(4 * sizeof *a); // expected-remark {{'a' escapes to heap}}
  long t = 0;
  each_copy(a, 4, add, &t);
  free(a);
  return t;
}

// The callee changes the function pointer: calls through it are unknown.
static void pick(int *e, void *ctx) { *(long *)ctx = *e; } // expected-remark {{leaking param content: 'e' to '*ctx'}}
static void each_switch(int *a, visit_fn *fn, void *ctx) { // expected-remark {{leaking param: 'a'}} expected-remark {{leaking param: 'ctx'}}
  if (!ctx)
    fn = pick;
  fn(a, ctx);
}

long switched(void) {
  int *a = malloc(sizeof *a); // expected-remark {{'a' escapes to heap}}
  long t = 0;
  each_switch(a, add, &t);
  free(a);
  return t;
}

// The function returns what it is handed, which the callee keeps.
typedef int *map_fn(int *, void *);
int *saved;
static void each_map(int *a, map_fn *fn, void *ctx) { saved = fn(a, ctx); }
static int *same(int *e, void *ctx) { return e; } // expected-remark {{leaking param: 'e' to result}}

void mapped(void) {
  int *a = malloc(sizeof *a); // expected-remark {{'a' escapes to heap: passed by 'each_map' to a function it was given}}
  each_map(a, same, 0);
}

// A walk that recurses with its visitor, and a helper that passes the
// visitor on: the caller still decides.
struct node {
  int val;
  struct node *left, *right;
};
typedef void node_fn(struct node *, void *);

static void walk(struct node *n, node_fn *fn, void *ctx) {
  if (!n)
    return;
  walk(n->left, fn, ctx);
  fn(n, ctx);
  walk(n->right, fn, ctx);
}

static void visit(struct node *n, node_fn *fn, void *ctx) { walk(n, fn, ctx); }

static void count(struct node *n, void *ctx) { *(long *)ctx += n->val; }

long tree_sum(void) {
  struct node *kids = calloc(2, sizeof *kids); // expected-remark {{allocation does not escape}}
  struct node *root = malloc(sizeof *root); // expected-remark {{allocation does not escape}}
  root->val = 1;
  root->left = &kids[0];
  root->right = &kids[1];
  kids[0].val = 2;
  kids[1].val = 3;
  long t = 0;
  visit(root, count, &t);
  free(root);
  free(kids);
  return t;
}

// The function puts what it is handed into a block it returns, which the
// callee keeps.
struct box {
  int *v;
};
typedef struct box *box_fn(int *, void *);
struct box *boxed;
static void each_box(int *a, box_fn *fn, void *ctx) { boxed = fn(a, ctx); }
static struct box *wrap(int *e, void *ctx) { // expected-remark {{leaking param: 'e' to result content}}
  struct box *b = malloc(sizeof *b); // expected-remark {{'b' escapes to heap: returned from 'wrap'}}
  b->v = e;
  return b;
}

void boxes(void) {
  int *a = malloc(sizeof *a); // expected-remark {{'a' escapes to heap: passed by 'each_box' to a function it was given}}
  each_box(a, wrap, 0);
}
