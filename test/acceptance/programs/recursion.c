// Traps: recursion 100000 deep that allocates a small buffer per level,
// mutual recursion, and a recursive tree builder whose nodes escape.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned long deep(int n) {
  if (n == 0) return 0;
  char *buf = malloc(24);
  snprintf(buf, 24, "%d", n);
  unsigned long r = deep(n - 1) + (unsigned long)strlen(buf);
  free(buf);
  return r;
}

static long odd_sum(int n);

static long even_sum(int n) {
  if (n <= 0) return 0;
  int *cell = malloc(sizeof *cell * 2);
  cell[0] = n;
  cell[1] = n % 3;
  long r = cell[0] + cell[1] + odd_sum(n - 1);
  free(cell);
  return r;
}

static long odd_sum(int n) {
  if (n <= 0) return 0;
  long *cell = calloc(1, sizeof *cell);
  *cell = n;
  long r = *cell - even_sum(n - 1);
  free(cell);
  return r;
}

struct tree { int key; struct tree *l, *r; };

static struct tree *build(int lo, int hi) {
  if (lo > hi) return NULL;
  int *mid = malloc(sizeof *mid);
  *mid = lo + (hi - lo) / 2;
  struct tree *t = malloc(sizeof *t);  // keep: returned
  t->key = *mid;
  t->l = build(lo, *mid - 1);
  t->r = build(*mid + 1, hi);
  free(mid);
  return t;
}

static int height(const struct tree *t) {
  if (!t) return 0;
  int a = height(t->l), b = height(t->r);
  return 1 + (a > b ? a : b);
}

static long sum_keys(const struct tree *t) {
  return t ? t->key + sum_keys(t->l) + sum_keys(t->r) : 0;
}

static void destroy(struct tree *t) {
  if (!t) return;
  destroy(t->l);
  destroy(t->r);
  free(t);
}

/* Each level keeps a 256-byte path buffer alive across the recursive call. */
static int walk(int depth, const char *prefix) {
  if (depth == 0) return (int)strlen(prefix);
  char *path = malloc(256);
  snprintf(path, 256, "%.200s/%d", prefix, depth % 10);
  int r = walk(depth - 1, depth % 20 == 0 ? "" : path);
  free(path);
  return r;
}

int main(void) {
  printf("deep %lu\n", deep(100000));
  printf("mutual %ld\n", even_sum(50000));
  struct tree *t = build(1, 4095);
  printf("tree height %d sum %ld\n", height(t), sum_keys(t));
  destroy(t);
  printf("walk %d\n", walk(30000, "root"));
  return 0;
}
