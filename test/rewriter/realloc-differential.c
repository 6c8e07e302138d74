// REQUIRES: plugin, rt-core
// RUN: %clang -O2 -nostdinc -I%S/Inputs %s -o %t.plain
// RUN: %t.plain > %t.plain.out
// RUN: %escape -O2 -nostdinc -I%S/Inputs -fplugin-arg-escape-arena=1 %s %libdir/libescape-rt.a -lpthread -o %t.esc
// RUN: %t.esc > %t.esc.out
// RUN: diff %t.plain.out %t.esc.out
// RUN: %escape -O0 -nostdinc -I%S/Inputs -fplugin-arg-escape-arena=1 %s %libdir/libescape-rt.a -lpthread -o %t.esc0
// RUN: %t.esc0 > %t.esc0.out
// RUN: diff %t.plain.out %t.esc0.out
// RUN: %escape -O1 -fsanitize=address -nostdinc -I%S/Inputs -fplugin-arg-escape-arena=1 %s %libdir/libescape-rt-core.a -lpthread -o %t.asan
// RUN: %t.asan > %t.asan.out
// RUN: diff %t.plain.out %t.asan.out
// Differential for realloc of promoted objects: a helper that reallocates
// its argument and returns the result (esc_frame_realloc_heap moves the
// caller's arena block to the heap), and one that reallocates its argument
// into a block of its own frame (esc_frame_realloc).
#include "alloc.h"
void *memcpy(void *dst, const void *src, size_t n);

static char *append(char *s, size_t *len, const char *t) {
  size_t n = strlen(t);
  s = realloc(s, *len + n + 1);
  memcpy(s + *len, t, n + 1);
  *len += n;
  return s;
}

static int peek_grown(char *p, size_t n) {
  char *q = realloc(p, n * 2 + 1);
  memset(q + n, 'z', n);
  q[2 * n] = 0;
  int r = (int)strlen(q);
  free(q);
  return r;
}

static int run(int k) {
  size_t len = 0;
  char *s = malloc(1);
  s[0] = 0;
  for (int i = 0; i < k % 9; i++)
    s = append(s, &len, i % 2 ? "ab" : "xyz");
  int r = (int)len + (len ? s[len - 1] : 0);
  free(s);
  char *p = malloc(8);
  memset(p, 'a', 8);
  r += peek_grown(p, 8);
  return r;
}

int main(void) {
  long t = 0;
  for (int k = 0; k < 20000; k++)
    t += run(k);
  printf("%ld\n", t);
  return 0;
}
