// The edges of the malloc API inside one function: malloc(0), calloc(0, n),
// free(NULL), realloc(NULL, n), realloc(p, 0), aligned_alloc and
// posix_memalign alignments, malloc_usable_size, memset/memcmp over the
// blocks, strdup of string literals, and two zero-size blocks compared.
#define _GNU_SOURCE
#include <malloc.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int zero_sizes(void) {
  char *a = malloc(0);
  char *b = malloc(0);
  int *c = calloc(0, sizeof(int));
  int ok = a != NULL && b != NULL && a != b;
  ok += c != NULL;
  free(a);
  free(b);
  free(c);
  free(NULL);
  return ok;
}

static int realloc_edges(int n) {
  int *p = realloc(NULL, sizeof(int) * 4);
  if (!p) return -1;
  for (int i = 0; i < 4; i++) p[i] = n + i;
  int s = p[0] + p[3];
  int *q = realloc(p, 0);
  if (q) free(q);
  char *g = realloc(NULL, 10);
  memset(g, 'x', 9);
  g[9] = '\0';
  char *h = realloc(g, 100);
  if (!h) { free(g); return -2; }
  s += (int)strlen(h);
  memset(h + 9, 'y', 90);
  h[99] = '\0';
  s += (int)strlen(h);
  free(h);
  return s;
}

static int alignments(void) {
  int ok = 0;
  unsigned char *a = aligned_alloc(64, 256);
  ok += a && ((uintptr_t)a & 63) == 0;
  memset(a, 0x5a, 256);
  unsigned char *b = aligned_alloc(4096, 4096);
  ok += b && ((uintptr_t)b & 4095) == 0;
  memset(b, 0x5a, 256);
  ok += memcmp(a, b, 256) == 0;
  void *c = NULL;
  int rc = posix_memalign(&c, 128, 200);
  ok += rc == 0 && ((uintptr_t)c & 127) == 0;
  memset(c, 1, 200);
  ok += ((unsigned char *)c)[199] == 1;
  free(c);
  free(b);
  free(a);
  return ok;
}

static int usable(void) {
  char *p = malloc(50);  // keep: passed to malloc_usable_size
  int ok = malloc_usable_size(p) >= 50;
  memset(p, 0, malloc_usable_size(p));
  free(p);
  return ok;
}

static int literals(void) {
  char *a = strdup("alpha");
  char *b = strdup("alpha");
  char *c = strndup("alphabet", 5);
  int ok = strcmp(a, b) == 0 && memcmp(b, c, 6) == 0 && a != b && b != c;
  a[0] = 'A';
  ok += strcmp(a, c) != 0 && strcmp(b, c) == 0;
  free(c);
  free(b);
  free(a);
  return ok;
}

static int zeroed(int n) {
  long *z = calloc(32, sizeof *z);
  long *y = malloc(32 * sizeof *y);
  memset(y, 0, 32 * sizeof *y);
  int ok = memcmp(z, y, 32 * sizeof *z) == 0;
  z[n % 32] = n;
  ok += memcmp(z, y, 32 * sizeof *z) != 0;
  free(y);
  free(z);
  return ok;
}

int main(void) {
  printf("zero_sizes %d\n", zero_sizes());
  printf("realloc_edges %d\n", realloc_edges(3));
  printf("alignments %d\n", alignments());
  printf("usable %d\n", usable());
  printf("literals %d\n", literals());
  int z = 0;
  for (int i = 0; i < 100; i++) z += zeroed(i);
  printf("zeroed %d\n", z);
  return 0;
}
