// Records behind pointers: qsort of an array of pointers to malloc'd
// structs with a comparator, bsearch in a local sorted key array, numbers
// parsed with strtol/strtod whose end pointers walk malloc'd strings, and
// the realloc edges: shrinking, realloc(p, 0), malloc_usable_size of the
// blocks (printed only as >= the request).
#define _GNU_SOURCE
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct rec { char name[16]; long qty; double price; };

static int by_value(const void *a, const void *b) {
  const struct rec *x = *(const struct rec *const *)a, *y = *(const struct rec *const *)b;
  double vx = x->qty * x->price, vy = y->qty * y->price;
  if (vx != vy) return vx < vy ? -1 : 1;
  return strcmp(x->name, y->name);
}

static int cmp_long(const void *a, const void *b) {
  long x = *(const long *)a, y = *(const long *)b;
  return (x > y) - (x < y);
}

/* "name qty price;..." parsed into records, sorted by value. */
static double report(const char *csv, int print) {
  char *text = strdup(csv);
  struct rec *recs[32];
  int n = 0;
  for (char *p = text; *p && n < 32;) {
    struct rec *r = malloc(sizeof *r);
    int len = 0;
    while (p[len] && p[len] != ' ') len++;
    snprintf(r->name, sizeof r->name, "%.*s", len, p);
    char *end;
    r->qty = strtol(p + len, &end, 10);
    r->price = strtod(end, &end);
    recs[n++] = r;
    p = *end == ';' ? end + 1 : end;
  }
  qsort(recs, (size_t)n, sizeof recs[0], by_value);
  long *keys = malloc(sizeof(long) * (size_t)n);
  for (int i = 0; i < n; i++) keys[i] = recs[i]->qty;
  qsort(keys, (size_t)n, sizeof *keys, cmp_long);
  long want = 7;
  long *hit = bsearch(&want, keys, (size_t)n, sizeof *keys, cmp_long);
  double total = 0;
  for (int i = 0; i < n; i++) {
    if (print) printf("  %-8s %4ld x %7.2f\n", recs[i]->name, recs[i]->qty, recs[i]->price);
    total += recs[i]->qty * recs[i]->price;
    free(recs[i]);
  }
  if (print) printf("  qty 7 %s\n", hit ? "found" : "absent");
  free(keys);
  free(text);
  return total;
}

static int realloc_edges(size_t n) {
  int ok = 0;
  char *p = malloc(n);  // keep: passed to malloc_usable_size
  if (!p) return -1;
  memset(p, 'a', n);
  ok += malloc_usable_size(p) >= n;
  char *q = realloc(p, n / 4 + 1);  // keep: passed to malloc_usable_size (shrink)
  if (!q) { free(p); return -2; }
  ok += q[n / 4] == 'a' && q[0] == 'a';
  ok += malloc_usable_size(q) >= n / 4 + 1;
  char *g = realloc(q, n * 2);                /* grow again */
  if (!g) { free(q); return -3; }
  ok += g[0] == 'a';
  g[2 * n - 1] = 'z';
  char *z = realloc(g, 0);                    /* glibc: frees, returns NULL */
  ok += z == NULL;
  free(z);
  int *c = calloc(n, sizeof *c);  // keep: passed to malloc_usable_size
  ok += malloc_usable_size(c) >= n * sizeof *c && c[n - 1] == 0;
  free(c);
  return ok;
}

static long parse_all(int n) {
  char *buf = malloc(16 * (size_t)n + 1);
  char *w = buf;
  for (int i = 0; i < n; i++) w += sprintf(w, "%d %d.5 ", i - n / 2, i % 10);
  long isum = 0;
  double dsum = 0;
  char *p = buf, *end;
  for (;;) {
    long v = strtol(p, &end, 10);
    if (end == p) break;
    double d = strtod(end, &p);
    isum += v;
    dsum += d;
  }
  free(buf);
  return isum + (long)dsum;
}

int main(void) {
  printf("total %.2f\n", report("apple 7 0.5;pear 3 1.25;fig 12 2.0;kiwi 7 0.75;plum 1 9.99", 1));
  double t = 0;
  for (int i = 0; i < 3000; i++) t += report("a 1 1;b 2 2;c 3 3;d 4 4.5;e 5 0.1;f 7 7", 0);
  printf("loop %.2f\n", t);
  int sizes[] = { 1, 16, 100, 4096, 5000, 100000 };
  for (int i = 0; i < 6; i++) printf("realloc edges %d: %d\n", sizes[i], realloc_edges((size_t)sizes[i]));
  printf("parsed %ld %ld\n", parse_all(10), parse_all(50000));
  return 0;
}
