// Traps: huge constant sizes.  malloc(SIZE_MAX) must fail, a 1 GiB constant
// malloc must not become a stack object, calloc overflow must fail, a block
// larger than the machine can back must fail as glibc's does (Linux's
// overcommit check), and large-but-unused blocks must not crash.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The block is printed when it exists, so the compiler cannot drop it. */
static int try_max(void) {
  char *p = malloc(SIZE_MAX);  // keep: cannot be allocated
  int ok = p == NULL;
  if (p) {
    p[0] = '\0';
    printf("unexpected block%s\n", p);
  }
  free(p);
  return ok;
}

static int try_beyond_memory(void) {
  char *p = malloc((size_t)1 << 45);  // keep: above arena-cap
  int ok = p == NULL;
  if (p) {
    p[0] = '\0';
    printf("unexpected 32 TiB block%s\n", p);
  }
  free(p);
  return ok;
}

static int try_calloc_overflow(void) {
  char *p = calloc(SIZE_MAX / 2, 4);  // keep: cannot be allocated
  int ok = p == NULL;
  if (p) printf("unexpected block%s\n", p);
  free(p);
  return ok;
}

static int try_array_overflow(size_t n) {
  char *p = malloc(n * (SIZE_MAX / 4 + 1));
  int ok = p == NULL || n * (SIZE_MAX / 4 + 1) == 0;
  if (p) printf("block%s\n", (p[0] = '\0', p));
  free(p);
  return ok;
}

static long touch_gib(void) {
  char *p = malloc(1 << 30);  // keep: above arena-cap
  if (!p) return -1;
  long s = 0;
  for (size_t off = 0; off < (1u << 30); off += 1u << 20) {
    p[off] = (char)(off >> 20);
    s += p[off];
  }
  free(p);
  return s;
}

static long touch_8mib(void) {
  unsigned char *p = calloc(8 << 20, 1);  // keep: above arena-cap
  if (!p) return -1;
  long s = 0;
  for (size_t off = 0; off < (8u << 20); off += 4096) s += p[off];
  p[(8u << 20) - 1] = 7;
  s += p[(8u << 20) - 1];
  free(p);
  return s;
}

static int two_mib_twice(void) {
  char *a = malloc(2 << 20);  // keep: above arena-cap
  char *b = malloc(2 << 20);  // keep: above arena-cap
  memset(a, 1, 2 << 20);
  memset(b, 2, 2 << 20);
  int r = a[12345] + b[(2 << 20) - 1];
  free(b);
  free(a);
  return r;
}

static int stack_edge(void) {
  char *a = malloc(4096);
  char *b = malloc(4097);
  char *c = malloc(16384);
  memset(a, 'a', 4096);
  memset(b, 'b', 4097);
  memset(c, 'c', 16384);
  int r = a[4095] + b[4096] + c[16383];
  free(c);
  free(b);
  free(a);
  return r;
}

static int zero_size(void) {
  char *p = malloc(0);
  int r = 1;
  free(p);
  return r;
}

int main(void) {
  printf("malloc(SIZE_MAX) fails: %d\n", try_max());
  printf("calloc overflow fails: %d\n", try_calloc_overflow());
  printf("32 TiB fails: %d\n", try_beyond_memory());
  printf("wrapped size: %d\n", try_array_overflow(4));
  printf("1 GiB touched: %ld\n", touch_gib());
  printf("8 MiB calloc: %ld\n", touch_8mib());
  printf("2 MiB twice: %d\n", two_mib_twice());
  printf("stack edge: %d\n", stack_edge());
  printf("zero size: %d\n", zero_size());
  return 0;
}
