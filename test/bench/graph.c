//===- graph.c - transformation benchmark: tree and graph work ---------------===//
//
// Part of escape.  Builds a random sparse graph (CSR arrays) and a binary
// search tree, which live for the whole run, then runs breadth-first
// searches from some sources (each with its own work queue and distance
// array), shortest-path reconstructions with a per-call path buffer,
// two-hop neighbourhood counts for every node with a per-call list,
// recursive tree walks that keep per-call scratch, and range queries with a
// per-query stack and result buffer.
// Usage: graph [nodes=20000] [searches=40]; prints a deterministic summary.
//
//===----------------------------------------------------------------------===//
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct graph_s {
  int n;
  int *off;  // n + 1 offsets into adj
  int *adj;
} graph_t;

typedef struct node_s {
  struct node_s *left, *right;
  long key;
} node_t;

static uint64_t rng = 0x9E3779B97F4A7C15ULL;
static uint64_t next_rand(void) {
  rng ^= rng >> 12;
  rng ^= rng << 25;
  rng ^= rng >> 27;
  return rng * 0x2545F4914F6CDD1DULL;
}

static graph_t graph_build(int n, int degree) {
  graph_t g = {n, malloc((size_t)(n + 1) * sizeof(int)), malloc((size_t)n * degree * sizeof(int))};
  for (int v = 0; v <= n; v++) g.off[v] = v * degree;
  for (int v = 0; v < n; v++)
    for (int k = 0; k < degree; k++)
      // Mostly local edges plus a few long ones: a small-world graph.
      g.adj[v * degree + k] = k < degree - 1 ? (v + 1 + (int)(next_rand() % 8)) % n
                                             : (int)(next_rand() % (uint64_t)n);
  return g;
}

// bfs returns the sum of hop distances from src and stores the farthest
// node in *far.
static long bfs(const graph_t *g, int src, int *far) {
  int *queue = malloc((size_t)g->n * sizeof *queue);
  int *dist = malloc((size_t)g->n * sizeof *dist);
  for (int v = 0; v < g->n; v++) dist[v] = -1;
  int head = 0, tail = 0;
  queue[tail++] = src;
  dist[src] = 0;
  long sum = 0;
  while (head < tail) {
    int v = queue[head++];
    sum += dist[v];
    *far = v;
    for (int e = g->off[v]; e < g->off[v + 1]; e++)
      if (dist[g->adj[e]] < 0) {
        dist[g->adj[e]] = dist[v] + 1;
        queue[tail++] = g->adj[e];
      }
  }
  free(dist);
  free(queue);
  return sum;
}

// path_checksum rebuilds the shortest path from src to dst with a parent
// array and a path buffer, and returns a checksum of the path.
static unsigned long path_checksum(const graph_t *g, int src, int dst) {
  int *parent = malloc((size_t)g->n * sizeof *parent);
  int *queue = malloc((size_t)g->n * sizeof *queue);
  memset(parent, 0xff, (size_t)g->n * sizeof *parent);
  int head = 0, tail = 0;
  queue[tail++] = src;
  parent[src] = src;
  while (head < tail && parent[dst] < 0) {
    int v = queue[head++];
    for (int e = g->off[v]; e < g->off[v + 1]; e++)
      if (parent[g->adj[e]] < 0) {
        parent[g->adj[e]] = v;
        queue[tail++] = g->adj[e];
      }
  }
  int *path = malloc((size_t)g->n * sizeof *path);
  int len = 0;
  for (int v = dst; parent[v] >= 0 && v != src; v = parent[v]) path[len++] = v;
  unsigned long sum = (unsigned long)len;
  for (int i = 0; i < len; i++) sum = sum * 7 + (unsigned long)path[i];
  free(path);
  free(queue);
  free(parent);
  return sum;
}

// two_hop counts the distinct nodes within two hops of v (v excluded),
// collecting them in a per-call list sized for the worst case.
static long two_hop(const graph_t *g, int v) {
  int deg = g->off[v + 1] - g->off[v];
  int *seen = malloc((size_t)(deg + deg * deg) * sizeof *seen);
  int n = 0;
  for (int e = g->off[v]; e < g->off[v + 1]; e++) {
    int u = g->adj[e];
    for (int f = g->off[u] - 1; f < g->off[u + 1]; f++) {
      int w = f < g->off[u] ? u : g->adj[f];  // u itself, then its neighbours
      int dup = w == v;
      for (int k = 0; k < n && !dup; k++) dup = seen[k] == w;
      if (!dup) seen[n++] = w;
    }
  }
  long r = n;
  free(seen);
  return r;
}

static node_t *tree_insert(node_t *root, long key) {
  node_t **at = &root;
  while (*at) at = key < (*at)->key ? &(*at)->left : &(*at)->right;
  node_t *n = malloc(sizeof *n);
  n->left = n->right = NULL;
  n->key = key;
  *at = n;
  return root;
}

// tree_profile walks a subtree recursively; each call combines its
// children's summaries in a scratch row whose length depends on the depth.
static long tree_profile(const node_t *t, int depth, long *max_depth) {
  if (!t) return 0;
  if (depth > *max_depth) *max_depth = depth;
  size_t n = (size_t)(depth % 4) + 2;
  long *scratch = malloc(n * sizeof *scratch);
  scratch[0] = tree_profile(t->left, depth + 1, max_depth);
  scratch[1] = tree_profile(t->right, depth + 1, max_depth);
  for (size_t k = 2; k < n; k++) scratch[k] = (scratch[k - 1] * 3 + scratch[k - 2] + t->key) & 0xfffff;
  long r = scratch[0] + scratch[1] + (scratch[n - 1] & 1023);
  free(scratch);
  return r;
}

// tree_range collects the keys in [lo, hi] into a per-query buffer and
// returns how many there are and their checksum in *sum.
static long tree_range(const node_t *root, long lo, long hi, long *sum) {
  size_t cap = 64, n = 0, top = 0;
  const node_t **stack = malloc(64 * sizeof *stack);
  long *keys = malloc(cap * sizeof *keys);
  const node_t *t = root;
  while (t || top) {
    while (t) {
      if (top < 64) stack[top++] = t;
      t = t->key >= lo ? t->left : NULL;
    }
    if (!top) break;
    t = stack[--top];
    if (t->key > hi) break;
    if (t->key >= lo && n < cap) keys[n++] = t->key;
    t = t->right;
  }
  for (size_t i = 0; i < n; i++) *sum += keys[i] * (long)(i + 1);
  free(keys);
  free(stack);
  return (long)n;
}

static void tree_free(node_t *t) {
  if (!t) return;
  tree_free(t->left);
  tree_free(t->right);
  free(t);
}

int main(int argc, char **argv) {
  int nodes = argc > 1 ? atoi(argv[1]) : 20000;
  int searches = argc > 2 ? atoi(argv[2]) : 40;
  graph_t g = graph_build(nodes, 4);
  long bfs_sum = 0, hood = 0;
  unsigned long path_sum = 0;
  for (int s = 0; s < searches; s++) {
    int far = 0;
    bfs_sum += bfs(&g, (int)((long)s * 7919 % nodes), &far);
    path_sum += path_checksum(&g, s % nodes, far);
  }
  for (int r = 0; r < 5; r++)
    for (int v = 0; v < nodes; v++) hood += two_hop(&g, v);
  node_t *root = NULL;
  for (int i = 0; i < nodes * 4; i++) root = tree_insert(root, (long)(next_rand() % 1000000));
  long max_depth = 0, profile = 0, found = 0, range_sum = 0;
  for (int r = 0; r < 20; r++) profile += tree_profile(root, 0, &max_depth);
  for (int q = 0; q < 60000; q++) {
    long lo = (long)(next_rand() % 1000000);
    found += tree_range(root, lo, lo + 500, &range_sum);
  }
  printf("graph nodes=%d bfs=%ld paths=%lu two_hop=%ld depth=%ld profile=%ld found=%ld range=%ld\n",
         nodes, bfs_sum, path_sum, hood, max_depth, profile, found, range_sum);
  tree_free(root);
  free(g.adj);
  free(g.off);
  return 0;
}
