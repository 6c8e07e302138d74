//===- trees.c - binary trees built and dropped ----------------------------===//
//
// Part of escape.  The binary-trees pattern: a long-lived tree stays while
// many short-lived trees of growing depth are built, walked and freed.  All
// nodes are one small size (24 bytes of payload), allocated in bursts and
// freed in bulk, depth first.
// Usage: trees [max_depth=16]
//
//===----------------------------------------------------------------------===//
#include "bench.h"

typedef struct node_s {
  struct node_s *left, *right;
  long item;
} node_t;

static node_t *tree_build(long item, int depth) {
  node_t *n = malloc(sizeof *n);
  if (!n) exit(1);
  n->item = item;
  if (depth > 0) {
    n->left = tree_build(2 * item - 1, depth - 1);
    n->right = tree_build(2 * item, depth - 1);
  } else {
    n->left = n->right = NULL;
  }
  return n;
}

static long tree_check(const node_t *n) {
  return n->left ? n->item + tree_check(n->left) - tree_check(n->right) : n->item;
}

static void tree_free(node_t *n) {
  if (n->left) {
    tree_free(n->left);
    tree_free(n->right);
  }
  free(n);
}

int main(int argc, char **argv) {
  int max_depth = (int)bench_arg(argc, argv, 1, 16);
  if (max_depth < 4 || max_depth > 30) return 1;
  node_t *long_lived = tree_build(0, max_depth);
  long total = 0;
  for (int d = 4; d <= max_depth; d += 2) {
    long iterations = 1L << (max_depth - d + 4);
    long check = 0;
    for (long i = 1; i <= iterations; i++) {
      node_t *a = tree_build(i, d), *b = tree_build(-i, d);
      check += tree_check(a) + tree_check(b);
      tree_free(a);
      tree_free(b);
    }
    total += check;
  }
  total += tree_check(long_lived);
  tree_free(long_lived);
  printf("trees max_depth=%d check=%ld\n", max_depth, total);
  return 0;
}
