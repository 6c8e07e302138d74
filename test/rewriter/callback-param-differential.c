// REQUIRES: plugin, rt-core
// RUN: %clang -O2 %s -o %t.plain
// RUN: %t.plain > %t.plain.out
// RUN: %escape -O2 -fplugin-arg-escape-arena=1 -fplugin-arg-escape-m=1 %s %libdir/libescape-rt.a -lpthread -o %t.esc 2> %t.remarks
// RUN: env ESCAPE_RT_ARENA_POISON=1 %t.esc > %t.esc.out
// RUN: diff %t.plain.out %t.esc.out
// RUN: %escape -O0 -fplugin-arg-escape-arena=1 %s %libdir/libescape-rt.a -lpthread -o %t.esc0
// RUN: env ESCAPE_RT_ARENA_POISON=1 %t.esc0 > %t.esc0.out
// RUN: diff %t.plain.out %t.esc0.out
// RUN: FileCheck %s < %t.esc.out
// RUN: FileCheck --check-prefix=REMARK %s < %t.remarks
//
// Blocks handed to a function through a helper that calls it (a visitor,
// an insertion sort with a comparator, a release callback) move when the
// function does not keep them; a visitor that keeps them makes them stay
// on the heap.  The program prints what plain clang's build prints, with
// released arena memory poisoned.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

static void add(struct node *n, void *ctx) { *(long *)ctx = *(long *)ctx * 7 + n->val; }

static struct node *tree_insert(struct node *root, struct node *n) {
  if (!root)
    return n;
  if (n->val < root->val)
    root->left = tree_insert(root->left, n);
  else
    root->right = tree_insert(root->right, n);
  return root;
}

static long tree_hash(int k) {
  struct node *nodes = calloc(k, sizeof *nodes); // REMARK: [[@LINE]]:{{[0-9]+}}: remark: allocation does not escape; moved to the frame arena
  struct node *root = NULL;
  for (int i = 0; i < k; i++) {
    nodes[i].val = (i * 37) % 101;
    root = tree_insert(root, &nodes[i]);
  }
  long *h = malloc(sizeof *h); // REMARK: [[@LINE]]:{{[0-9]+}}: remark: allocation does not escape; moved to the stack
  *h = 0;
  walk(root, add, h);
  long r = *h;
  free(h);
  free(nodes);
  return r;
}

typedef int cmp_fn(const char *, const char *);
static void isort(char **v, int n, cmp_fn *cmp) {
  for (int i = 1; i < n; i++)
    for (int j = i; j > 0 && cmp(v[j - 1], v[j]) > 0; j--) {
      char *t = v[j];
      v[j] = v[j - 1];
      v[j - 1] = t;
    }
}

static int by_len(const char *a, const char *b) {
  size_t x = strlen(a), y = strlen(b);
  return x != y ? (x < y ? -1 : 1) : strcmp(a, b);
}

static void release_all(char **v, int n, void (*release)(void *)) {
  for (int i = 0; i < n; i++)
    release(v[i]);
}

static void drop(void *p) { free(p); }

static unsigned long sorted_words(int k) {
  char **v = malloc(k * sizeof *v); // REMARK: [[@LINE]]:{{[0-9]+}}: remark: allocation does not escape; moved to the frame arena
  for (int i = 0; i < k; i++) {
    v[i] = malloc(16); // REMARK: [[@LINE]]:{{[0-9]+}}: remark: allocation does not escape; moved to the frame arena
    snprintf(v[i], 16, "%.*s", 1 + (i * 5) % 9, "abcdefghijk");
  }
  isort(v, k, by_len);
  unsigned long h = 0;
  for (int i = 0; i < k; i++)
    h = h * 131 + strlen(v[i]) + (unsigned char)v[i][0];
  release_all(v, k, drop);
  free(v);
  return h;
}

static struct node *seen;
static void remember(struct node *n, void *ctx) { seen = n; }

int main(void) {
  long t = 0;
  for (int r = 1; r < 200; r++)
    t = t * 3 + tree_hash(r % 40 + 1) % 1000;
  unsigned long w = 0;
  for (int r = 1; r < 100; r++)
    w = w * 7 + sorted_words(r % 23 + 1);
  struct node *one = malloc(sizeof *one); // REMARK: [[@LINE]]:{{[0-9]+}}: remark: 'one' escapes to heap
  one->val = 42;
  one->left = one->right = NULL;
  walk(one, remember, NULL);
  printf("tree %ld words %lu seen %d\n", t, w, seen->val);
  free(one);
  return 0;
}
// CHECK: tree {{-?[0-9]+}} words {{[0-9]+}} seen 42
