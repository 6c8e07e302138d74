// Graph search over a compressed adjacency array (CSR) built from an edge
// list: BFS with a malloc'd visited bitmap and a malloc'd ring-buffer
// queue, connected components with a union-find whose parent array is
// local, and a shortest-path tree returned to main.
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct graph { int n, m; int *off, *adj; };

static struct graph *build(int n, int m, unsigned seed) {
  struct graph *g = malloc(sizeof *g);                     // keep: returned
  int *deg = calloc((size_t)n + 1, sizeof *deg);
  int (*edges)[2] = malloc(sizeof *edges * (size_t)m);
  for (int i = 0; i < m; i++) {
    seed = seed * 1664525u + 1013904223u;
    int a = (int)((seed >> 4) % (unsigned)n);
    seed = seed * 1664525u + 1013904223u;
    int b = (int)((seed >> 4) % (unsigned)n);
    if (i < n - 1 && i % 4 != 3) b = i + 1, a = i;   /* long chains */
    edges[i][0] = a; edges[i][1] = b;
    deg[a]++; deg[b]++;
  }
  g->n = n; g->m = m;
  g->off = malloc(sizeof(int) * ((size_t)n + 1));         // keep: stored in the returned graph
  g->adj = malloc(sizeof(int) * (size_t)m * 2);           // keep: stored in the returned graph
  g->off[0] = 0;
  for (int v = 0; v < n; v++) g->off[v + 1] = g->off[v] + deg[v];
  memset(deg, 0, sizeof *deg * (size_t)n);
  for (int i = 0; i < m; i++) {
    int a = edges[i][0], b = edges[i][1];
    g->adj[g->off[a] + deg[a]++] = b;
    g->adj[g->off[b] + deg[b]++] = a;
  }
  free(edges);
  free(deg);
  return g;
}

static void graph_free(struct graph *g) { free(g->off); free(g->adj); free(g); }

static int bfs_far(const struct graph *g, int src, int *reached) {
  size_t words = ((size_t)g->n + 63) / 64;
  uint64_t *seen = calloc(words, sizeof *seen);
  int *queue = malloc(sizeof(int) * (size_t)g->n);
  int *dist = malloc(sizeof(int) * (size_t)g->n);
  int head = 0, tail = 0, far = 0;
  seen[src / 64] |= UINT64_C(1) << (src % 64);
  dist[src] = 0;
  queue[tail++] = src;
  while (head < tail) {
    int v = queue[head++];
    if (dist[v] > far) far = dist[v];
    for (int e = g->off[v]; e < g->off[v + 1]; e++) {
      int w = g->adj[e];
      uint64_t bit = UINT64_C(1) << (w % 64);
      if (seen[w / 64] & bit) continue;
      seen[w / 64] |= bit;
      dist[w] = dist[v] + 1;
      queue[tail++] = w;
    }
  }
  *reached = tail;
  free(dist);
  free(queue);
  free(seen);
  return far;
}

static int find(int *parent, int x) {
  while (parent[x] != x) { parent[x] = parent[parent[x]]; x = parent[x]; }
  return x;
}

static int components(const struct graph *g) {
  int *parent = malloc(sizeof(int) * (size_t)g->n);
  for (int i = 0; i < g->n; i++) parent[i] = i;
  for (int v = 0; v < g->n; v++)
    for (int e = g->off[v]; e < g->off[v + 1]; e++) {
      int a = find(parent, v), b = find(parent, g->adj[e]);
      if (a != b) parent[a < b ? b : a] = a < b ? a : b;
    }
  int count = 0;
  for (int i = 0; i < g->n; i++) count += find(parent, i) == i;
  free(parent);
  return count;
}

/* Parent of every vertex in a BFS tree from src: the caller frees it. */
static int *bfs_tree(const struct graph *g, int src) {
  int *par = malloc(sizeof(int) * (size_t)g->n);          // keep: returned
  int *queue = malloc(sizeof(int) * (size_t)g->n);
  for (int i = 0; i < g->n; i++) par[i] = -1;
  int head = 0, tail = 0;
  par[src] = src;
  queue[tail++] = src;
  while (head < tail) {
    int v = queue[head++];
    for (int e = g->off[v]; e < g->off[v + 1]; e++)
      if (par[g->adj[e]] < 0) { par[g->adj[e]] = v; queue[tail++] = g->adj[e]; }
  }
  free(queue);
  return par;
}

int main(void) {
  int sizes[][2] = { { 10, 12 }, { 1000, 900 }, { 200000, 260000 } };
  for (int i = 0; i < 3; i++) {
    struct graph *g = build(sizes[i][0], sizes[i][1], 17u + (unsigned)i);
    int reached, far = bfs_far(g, 0, &reached);
    int *par = bfs_tree(g, 0);
    int depth = 0, v = g->n - 1;
    if (par[v] >= 0) while (v != 0) { v = par[v]; depth++; }
    else depth = -1;
    printf("n %d m %d: far %d reached %d components %d depth(last) %d\n",
           g->n, g->m, far, reached, components(g), depth);
    free(par);
    graph_free(g);
  }
  long total = 0;
  struct graph *g = build(64, 80, 5u);
  for (int i = 0; i < 20000; i++) { int r; total += bfs_far(g, i % 64, &r) + r; }
  graph_free(g);
  printf("total %ld\n", total);
  return 0;
}
