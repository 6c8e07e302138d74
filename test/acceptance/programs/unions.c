// Pointers that change shape: unions of a pointer and an integer, intptr_t
// round trips, pointer arithmetic back to the block start before free (a
// length header in front of the data, sds-style), tagged pointers in the
// low bits, and a pointer kept only as an offset from a base.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

union word { void *p; uintptr_t u; };

// A header in front of the string: the caller sees header + 1.
static char *hstr_new(const char *s) {
  size_t n = strlen(s);
  size_t *h = malloc(sizeof *h + n + 1);  // keep: returned past its header
  *h = n;
  memcpy(h + 1, s, n + 1);
  return (char *)(h + 1);
}
static size_t hstr_len(const char *s) { return ((const size_t *)s)[-1]; }
static void hstr_free(char *s) { if (s) free((size_t *)s - 1); }

// The same, inside one function: free(p - 1) of the block's own pointer.
static long header_local(int n) {
  long *base = malloc(sizeof(long) * 9);
  long *p = base + 1;
  p[-1] = n;
  for (int i = 0; i < 8; i++) p[i] = (long)i * n;
  long s = p[-1];
  for (int i = 0; i < 8; i++) s += p[i];
  free(p - 1);
  return s;
}

static long through_union(int n) {
  union word w;
  w.p = malloc(64);  // keep: stored in a union
  memset(w.p, n & 0x7f, 64);
  uintptr_t bits = w.u;
  unsigned char *q = (unsigned char *)bits;
  long s = q[0] + q[63];
  free(w.p);
  return s;
}

static long through_intptr(int n) {
  char *buf = malloc(48);  // keep: converted to an integer
  intptr_t ip = (intptr_t)buf;
  ip += 16;
  char *mid = (char *)ip;
  snprintf(mid, 32, "mid-%d", n);
  long s = (long)strlen(buf + 16);
  free((char *)(ip - 16));
  return s;
}

// Low bit tags: set, test and clear through uintptr_t.
static int tagged(int n) {
  int *cell = malloc(sizeof(int) * 4);  // keep: converted to an integer
  uintptr_t t = (uintptr_t)cell | 1u;
  int ok = (t & 1u) == 1u;
  int *back = (int *)(t & ~(uintptr_t)1);
  back[3] = n;
  ok += cell[3] == n;
  free(back);
  return ok;
}

// A pointer walked to the end of the block and back.
static int walk_back(int n) {
  int *a = malloc(sizeof(int) * 16);
  int *end = a + 16;
  for (int *q = a; q != end; q++) *q = n--;
  int s = 0;
  while (end != a) s += *--end;
  free(end);
  return s;
}

int main(void) {
  char *s = hstr_new("header in front");
  printf("hstr %s %zu\n", s, hstr_len(s));
  hstr_free(s);
  long t = 0;
  for (int i = 0; i < 10; i++) t += header_local(i);
  printf("header_local %ld\n", t);
  printf("union %ld\n", through_union(33));
  printf("intptr %ld\n", through_intptr(1234));
  printf("tagged %d\n", tagged(5));
  printf("walk_back %d\n", walk_back(100));
  return 0;
}
