// REQUIRES: escape-cc
// RUN: %clang -O2 -I %inputs %s -o %t.plain
// RUN: %t.plain > %t.plain.out
// RUN: %escape_cc -O2 -fplugin-arg-escape-m=1 -I %inputs %s -o %t.esc 2> %t.remarks
// RUN: FileCheck --check-prefix=REMARK %s < %t.remarks
// RUN: env ESCAPE_RT_ARENA_POISON=1 %t.esc > %t.esc.out
// RUN: diff %t.plain.out %t.esc.out
// RUN: %escape_cc -O0 -I %inputs %s -o %t.esc0
// RUN: env ESCAPE_RT_ARENA_POISON=1 %t.esc0 > %t.esc0.out
// RUN: diff %t.plain.out %t.esc0.out
// RUN: %escape_cc -O1 -fsanitize=address -fplugin-arg-escape-transform=1 -I %inputs %s -o %t.asan
// RUN: env ASAN_OPTIONS=allocator_may_return_null=1:detect_leaks=0 %t.asan > %t.asan.out
// RUN: diff %t.plain.out %t.asan.out
// RUN: FileCheck %s < %t.esc.out
// Blocks of a dynamic size take their 64-byte stack slot when the size at
// run time fits and the frame arena when it does not: sizes on both sides
// of the limit, calloc's zeroed slot over a stack a call dirtied, calloc's
// overflow, malloc(0), two slots live at once, a block freed on one path
// only, a block per loop iteration, a helper inlined at several calls,
// strdup and strndup copies on both sides of the slot's 63 characters, and
// the blocks of allocation wrappers (xmalloc, xstrdup).
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static volatile size_t sizes[] = {0, 1, 15, 16, 63, 64, 65, 100, 4096};
enum { NSIZES = sizeof sizes / sizeof sizes[0] };

static unsigned long mix(unsigned long h, const unsigned char *p, size_t n) {
  for (size_t i = 0; i < n; i++)
    h = h * 131 + p[i];
  return h;
}

__attribute__((noinline)) static unsigned long fill(size_t n, int seed) {
  unsigned char *p = malloc(n);
  if (!p)
    return 1;
  for (size_t i = 0; i < n; i++)
    p[i] = (unsigned char)(seed + i * 7);
  unsigned long h = mix(seed, p, n);
  free(p);
  return h;
}

__attribute__((noinline)) static void dirty(void) {
  volatile unsigned char junk[512];
  for (int i = 0; i < 512; i++)
    junk[i] = (unsigned char)(0xa5 ^ i);
}

__attribute__((noinline)) static long zeroed(size_t n) {
  long *p = calloc(n, sizeof *p);
  if (!p)
    return -1;
  long s = 0;
  for (size_t i = 0; i < n; i++)
    s += p[i] + (long)i;
  if (n)
    p[n - 1] = 0;
  free(p);
  return s;
}

__attribute__((noinline)) static int first(const char *p) { return p[0]; }

// Used, so that no build's optimizer deletes it (taking it to succeed).
__attribute__((noinline)) static int overflow(size_t n) {
  char *p = calloc(n, SIZE_MAX / 2);
  int r = p == NULL ? 1 : first(p);
  free(p);
  return r;
}

__attribute__((noinline)) static int two(size_t a, size_t b) {
  char *p = malloc(a + 1), *q = malloc(b + 1);
  memset(p, 'p', a + 1);
  memset(q, 'q', b + 1);
  int r = (p != q) + (p[a] == 'p') + (q[b] == 'q') + (p[0] != q[0]);
  free(q);
  free(p);
  return r;
}

__attribute__((noinline)) static int some_paths(size_t n, int k) {
  char *p = malloc(n + 1);
  memset(p, 'x', n + 1);
  if (k & 1) {
    int r = p[n];
    free(p);
    return r;
  }
  return p[0] + k; // left to its frame, as a leak would be
}

__attribute__((noinline)) static unsigned long loop(size_t n) {
  unsigned long h = 0;
  for (size_t i = 0; i < n; i++) {
    char *p = malloc(i + 1);
    memset(p, (int)i, i + 1);
    h = mix(h, (unsigned char *)p, i + 1);
    free(p);
  }
  return h;
}

static inline unsigned long helper(size_t n, int c) {
  char *p = malloc(n + 1);
  memset(p, c, n);
  p[n] = 0;
  unsigned long h = strlen(p) * 31 + (unsigned char)p[0];
  free(p);
  return h;
}

__attribute__((noinline)) static unsigned long inlined(size_t n) {
  return helper(n, 'a') + helper(n * 2, 'b') + helper(n * 3, 'c') + helper(n + 60, 'd');
}

static const char *const words[] = {"", "a", "sixty-two characters long string of text to copy into a slot..",
                                    "sixty-three characters long string of text to copy into a slot.",
                                    "sixty-four characters long string of text to copy into a slot...",
                                    "a string of more than sixty-four characters, which takes the frame arena instead"};
enum { NWORDS = sizeof words / sizeof words[0] };

__attribute__((noinline)) static unsigned long copies(const char *w, size_t bound) {
  char *a = strdup(w);
  char *b = strndup(w, bound);
  unsigned long h = mix(strlen(a), (const unsigned char *)a, strlen(a) + 1);
  h = mix(h, (const unsigned char *)b, strlen(b) + 1);
  a[0] = 'X'; // the copies are the program's own
  h = h * 7 + (unsigned char)a[0] + (w[0] == 'X');
  free(b);
  free(a);
  return h;
}

static void *xmalloc(size_t n) {
  void *p = malloc(n);
  if (!p)
    abort();
  return p;
}

static char *xstrdup(const char *s) {
  char *p = strdup(s);
  if (!p)
    abort();
  return p;
}

__attribute__((noinline)) static unsigned long wrapped(const char *w, size_t n) {
  char *a = xmalloc(n + 1);
  memset(a, 'w', n);
  a[n] = 0;
  char *b = xstrdup(w);
  unsigned long h = strlen(a) * 131 + strlen(b) + (unsigned char)b[0];
  free(b);
  free(a);
  return h;
}

int main(void) {
  unsigned long h = 0;
  for (int i = 0; i < NSIZES; i++) {
    size_t n = sizes[i];
    dirty();
    h = h * 31 + fill(n, i);
    dirty();
    h = h * 31 + (unsigned long)zeroed(n / 8 + (n & 1));
    h = h * 31 + (unsigned long)two(n, n / 2);
    h = h * 31 + (unsigned long)some_paths(n, i);
    h = h * 31 + inlined(n);
  }
  for (int i = 0; i < NWORDS; i++)
    for (size_t bound = 0; bound < 100; bound += 31)
      h = h * 31 + copies(words[i], bound) + wrapped(words[i], bound);
  printf("hash %lu\n", h);
  printf("overflow %d\n", overflow(3));
  printf("loop %lu\n", loop(200));
  printf("zero-size %d\n", two(0, 0));
  return 0;
}
// CHECK: hash
// CHECK: overflow 1
// REMARK-DAG: small-stack-differential.c:[[#@LINE-150]]:{{.*}}moved to the frame arena (the stack when at most 64 bytes)
// REMARK-DAG: small-stack-differential.c:[[#@LINE-134]]:{{.*}}moved to the frame arena (the stack when at most 64 bytes)
// REMARK-DAG: small-stack-differential.c:[[#@LINE-61]]:{{.*}}moved to the frame arena (the stack when at most 64 bytes)
// REMARK-DAG: small-stack-differential.c:[[#@LINE-61]]:{{.*}}moved to the frame arena (the stack when at most 64 bytes)
// REMARK-DAG: small-stack-differential.c:[[#@LINE-37]]:{{.*}}moved to the frame arena (the stack when at most 64 bytes)
// REMARK-DAG: small-stack-differential.c:[[#@LINE-35]]:{{.*}}moved to the frame arena (the stack when at most 64 bytes)
