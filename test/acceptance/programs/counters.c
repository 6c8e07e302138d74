// Scratch arrays: calloc'd counters, a sort buffer with qsort and a
// comparator, bsearch on it, a per-iteration work buffer, a VLA nearby.
// Kept: the histogram returned to main.
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int cmp_int(const void *a, const void *b) {
  int x = *(const int *)a, y = *(const int *)b;
  return (x > y) - (x < y);
}

static unsigned rng_state = 12345;
static int next_rand(void) {
  rng_state = rng_state * 1103515245u + 12345u;
  return (int)((rng_state >> 16) & 0x7fff);
}

static int median(const int *v, int n) {
  int *tmp = malloc((size_t)n * sizeof *tmp);
  memcpy(tmp, v, (size_t)n * sizeof *tmp);
  qsort(tmp, (size_t)n, sizeof *tmp, cmp_int);
  int m = tmp[n / 2];
  free(tmp);
  return m;
}

static int count_distinct(const int *v, int n) {
  int *seen = calloc(256, sizeof *seen);
  int d = 0;
  for (int i = 0; i < n; i++)
    if (!seen[v[i] & 255]++) d++;
  free(seen);
  return d;
}

static int lookups(const int *v, int n) {
  int *sorted = malloc(sizeof(int) * 100);
  int m = n < 100 ? n : 100;
  for (int i = 0; i < m; i++) sorted[i] = v[i];
  qsort(sorted, (size_t)m, sizeof(int), cmp_int);
  int hits = 0;
  for (int k = 0; k < 2000; k += 7)
    if (bsearch(&k, sorted, (size_t)m, sizeof(int), cmp_int)) hits++;
  free(sorted);
  return hits;
}

static int *histogram(const int *v, int n, int buckets) {
  int *h = calloc((size_t)buckets, sizeof *h);  // keep: returned
  for (int i = 0; i < n; i++) h[v[i] % buckets]++;
  return h;
}

static long windows(const int *v, int n, int w) {
  long total = 0;
  for (int start = 0; start + w <= n; start += w) {
    int *work = malloc(16 * sizeof(int));
    for (int i = 0; i < 16 && i < w; i++) work[i] = v[start + i] % 100;
    qsort(work, 16 < w ? 16 : (size_t)w, sizeof(int), cmp_int);
    total += work[0];
    free(work);
  }
  return total;
}

static int vla_sum(int n) {
  int a[n];
  for (int i = 0; i < n; i++) a[i] = i * 3;
  int *b = malloc(sizeof(int) * 8);
  for (int i = 0; i < 8; i++) b[i] = a[i % n];
  int s = 0;
  for (int i = 0; i < 8; i++) s += b[i];
  free(b);
  return s;
}

int main(void) {
  enum { N = 1000 };
  int *data = malloc(N * sizeof(int));
  for (int i = 0; i < N; i++) data[i] = next_rand() % 2000;
  printf("median %d\n", median(data, N));
  printf("distinct low bytes %d\n", count_distinct(data, N));
  printf("bsearch hits %d\n", lookups(data, N));
  int *h = histogram(data, N, 10);
  for (int i = 0; i < 10; i++) printf("h[%d]=%d\n", i, h[i]);
  printf("windows %ld\n", windows(data, N, 16));
  printf("vla %d\n", vla_sum(5));
  free(h);
  free(data);
  return 0;
}
