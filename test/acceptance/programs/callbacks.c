// Indirect calls: a visitor through a function pointer (unknown callee, the
// argument escapes), the same visitor helper given a function of the file
// by name (its summary applies: nothing escapes), a noescape-annotated
// callback parameter, a static callback passed to qsort on a local struct
// array.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct rec { char name[12]; int score; };
typedef void (*visit_fn)(const struct rec *r, void *ctx);

static void visit_all(const struct rec *v, int n, visit_fn f, void *ctx) {
  for (int i = 0; i < n; i++) f(&v[i], ctx);
}

static void add_score(const struct rec *r, void *ctx) { *(long *)ctx += r->score; }

static void longest_name(const struct rec *r, void *ctx) {
  size_t *best = ctx;
  if (strlen(r->name) > *best) *best = strlen(r->name);
}

static int by_score(const void *a, const void *b) {
  const struct rec *x = a, *y = b;
  if (x->score != y->score) return y->score - x->score;
  return strcmp(x->name, y->name);
}

static void fill(struct rec *v, int n) {
  static const char *names[] = {"ann", "bob", "cecilia", "dan", "eve", "frederick"};
  for (int i = 0; i < n; i++) {
    snprintf(v[i].name, sizeof v[i].name, "%s%d", names[i % 6], i);
    v[i].score = (i * 37) % 23;
  }
}

static long total_via_callback(int n, visit_fn f) {
  struct rec *v = malloc(sizeof *v * (size_t)n);  // keep: passed to an indirect call
  fill(v, n);
  long *acc = malloc(sizeof *acc);  // keep: passed to an indirect call
  *acc = 0;
  visit_all(v, n, f, acc);
  long r = *acc;
  free(acc);
  free(v);
  return r;
}

static void apply(int *__attribute__((noescape)) dst, int n, int (*op)(int)) {
  for (int i = 0; i < n; i++) dst[i] = op(dst[i]);
}

static int twice(int x) { return 2 * x; }
static int square(int x) { return x * x; }

static int transformed_sum(int (*op)(int)) {
  int *v = malloc(sizeof(int) * 10);
  for (int i = 0; i < 10; i++) v[i] = i;
  apply(v, 10, op);
  int s = 0;
  for (int i = 0; i < 10; i++) s += v[i];
  free(v);
  return s;
}

static void top3(int n) {
  struct rec *v = calloc((size_t)n, sizeof *v);
  fill(v, n);
  qsort(v, (size_t)n, sizeof *v, by_score);
  for (int i = 0; i < 3; i++) printf("top %s %d\n", v[i].name, v[i].score);
  size_t *best = malloc(sizeof *best);
  *best = 0;
  visit_all(v, n, longest_name, best);
  printf("longest name %zu\n", *best);
  free(best);
  free(v);
}

int main(void) {
  printf("total %ld\n", total_via_callback(40, add_score));
  printf("twice %d square %d\n", transformed_sum(twice), transformed_sum(square));
  top3(30);
  return 0;
}
