// Variadic helpers (va_list) that receive pointers, a printf-like helper
// writing into a malloc'd buffer, qsort/bsearch whose comparators read a
// malloc'd context (through a global and through qsort_r), and callbacks
// stored in a struct next to the data they get.
#define _GNU_SOURCE
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// Sums the lengths of a NULL-terminated list of strings.
static size_t total_len(const char *first, ...) {
  va_list ap;
  size_t n = 0;
  va_start(ap, first);
  for (const char *s = first; s; s = va_arg(ap, const char *)) n += strlen(s);
  va_end(ap);
  return n;
}

// Fills `count` int buffers passed as varargs.
static void fill_all(int count, int value, ...) {
  va_list ap;
  va_start(ap, value);
  for (int i = 0; i < count; i++) {
    int *p = va_arg(ap, int *);
    for (int k = 0; k < 4; k++) p[k] = value + i * 4 + k;
  }
  va_end(ap);
}

static char *vformat(const char *fmt, va_list ap) {
  va_list cp;
  va_copy(cp, ap);
  int n = vsnprintf(NULL, 0, fmt, cp);
  va_end(cp);
  char *s = malloc((size_t)n + 1);  // keep: returned
  vsnprintf(s, (size_t)n + 1, fmt, ap);
  return s;
}
static char *format(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  char *s = vformat(fmt, ap);  // keep: returned
  va_end(ap);
  return s;
}

static int varargs_local(int n) {
  char *a = malloc(16), *b = malloc(16);
  snprintf(a, 16, "a%d", n);
  snprintf(b, 16, "bb%d", n);
  int *x = malloc(4 * sizeof(int)), *y = malloc(4 * sizeof(int));
  fill_all(2, n, x, y);
  int r = (int)total_len(a, b, "ccc", (char *)NULL) + x[3] + y[3];
  free(a); free(b); free(x); free(y);
  return r;
}

static const int *g_weights;
static int by_weight(const void *a, const void *b) {
  int x = *(const int *)a, y = *(const int *)b;
  return g_weights[x] - g_weights[y] ? g_weights[x] - g_weights[y] : x - y;
}
static int by_weight_r(const void *a, const void *b, void *ctx) {
  const int *w = ctx;
  int x = *(const int *)a, y = *(const int *)b;
  return w[x] - w[y] ? w[x] - w[y] : x - y;
}

static int sort_with_context(int n) {
  int *w = malloc(sizeof(int) * (size_t)n);  // keep: stored in a global
  int *idx = malloc(sizeof(int) * (size_t)n);
  for (int i = 0; i < n; i++) { w[i] = (i * 37) % 11; idx[i] = i; }
  g_weights = w;
  qsort(idx, (size_t)n, sizeof *idx, by_weight);
  int key = idx[n / 2];
  int *hit = bsearch(&key, idx, (size_t)n, sizeof *idx, by_weight);
  int r = idx[0] * 100 + idx[n - 1] + (hit ? (int)(hit - idx) * 10000 : -1);
  g_weights = NULL;
  free(idx);
  free(w);
  return r;
}

static int sort_with_qsort_r(int n) {
  int *w = malloc(sizeof(int) * (size_t)n);
  int *idx = malloc(sizeof(int) * (size_t)n);
  for (int i = 0; i < n; i++) { w[i] = (i * 13) % 7; idx[i] = n - 1 - i; }
  qsort_r(idx, (size_t)n, sizeof *idx, by_weight_r, w);
  int r = idx[0] * 100 + idx[n - 1];
  free(idx);
  free(w);
  return r;
}

struct visitor { int (*fn)(const int *, int); const int *data; int n; };
static int sum_fn(const int *d, int n) { int s = 0; for (int i = 0; i < n; i++) s += d[i]; return s; }
static int max_fn(const int *d, int n) { int m = d[0]; for (int i = 1; i < n; i++) m = d[i] > m ? d[i] : m; return m; }

static int stored_callbacks(int n) {
  int *d = malloc(sizeof(int) * (size_t)n);  // keep: passed to an indirect call
  for (int i = 0; i < n; i++) d[i] = (i * 5) % 17;
  struct visitor vs[2] = { { sum_fn, d, n }, { max_fn, d, n } };
  int r = 0;
  for (int i = 0; i < 2; i++) r = r * 1000 + vs[i].fn(vs[i].data, vs[i].n);
  free(d);
  return r;
}

int main(void) {
  int s = 0;
  for (int i = 0; i < 20; i++) s += varargs_local(i);
  printf("varargs_local %d\n", s);
  char *f = format("%s-%d-%c", "fmt", 42, 'z');
  printf("format %s\n", f);
  free(f);
  printf("sort_with_context %d\n", sort_with_context(40));
  printf("sort_with_qsort_r %d\n", sort_with_qsort_r(30));
  printf("stored_callbacks %d\n", stored_callbacks(25));
  return 0;
}
