// REQUIRES: plugin, rt-core
// RUN: %clang -O2 -fno-strict-aliasing -nostdinc -I%inputs %s -o %t.plain
// RUN: %t.plain > %t.plain.out
// RUN: %escape -O2 -fno-strict-aliasing -nostdinc -I%inputs -fplugin-arg-escape-arena=1 %s %libdir/libescape-rt.a -lpthread -o %t.esc
// RUN: env ESCAPE_RT_ARENA_POISON=1 %t.esc > %t.esc.out
// RUN: diff %t.plain.out %t.esc.out
// RUN: %escape -O0 -nostdinc -I%inputs -fplugin-arg-escape-arena=1 %s %libdir/libescape-rt.a -lpthread -o %t.esc0
// RUN: env ESCAPE_RT_ARENA_POISON=1 %t.esc0 > %t.esc0.out
// RUN: diff %t.plain.out %t.esc0.out
// RUN: FileCheck %s < %t.esc.out
// RUN: %clang -O2 -DSTRICT -nostdinc -I%inputs %s -o %t.plain.strict
// RUN: %t.plain.strict > %t.plain.strict.out
// RUN: %escape -O2 -DSTRICT -nostdinc -I%inputs -fplugin-arg-escape-arena=1 %s %libdir/libescape-rt.a -lpthread -o %t.esc.strict
// RUN: env ESCAPE_RT_ARENA_POISON=1 %t.esc.strict > %t.esc.strict.out
// RUN: diff %t.plain.strict.out %t.esc.strict.out
// RUN: FileCheck %s --check-prefix=STRICT < %t.esc.strict.out
// A pointer copied out of its function a word at a time, through integer,
// floating or vector lvalues over its memory (a pun, defined under
// -fno-strict-aliasing or with a may_alias type): the block must stay on
// the heap.  With strict aliasing (-DSTRICT) only the shapes defined there
// run: a cast at the read, a SIMD copy, a may_alias word type.  Moved to the
// stack, each line printed what later calls wrote over it.
// CHECK: pun 1
// CHECK-NEXT: pun 2
// CHECK-NEXT: words 1
// CHECK-NEXT: words 2
// CHECK-NEXT: double 1
// CHECK-NEXT: double 2
// CHECK-NEXT: struct 1
// CHECK-NEXT: struct 2
// CHECK-NEXT: result 1
// CHECK-NEXT: result 2
// CHECK-NEXT: loop 1
// CHECK-NEXT: loop 2
// CHECK-NEXT: simd 1 simd 1
// CHECK-NEXT: simd 2 simd 2
// CHECK-NEXT: 0 record 0
// CHECK-NEXT: 1 record 1
// CHECK-NEXT: 2 record 2
// STRICT: pun 1
// STRICT-NEXT: pun 2
// STRICT-NEXT: simd 1 simd 1
// STRICT-NEXT: simd 2 simd 2
// STRICT-NEXT: 0 record 0
// STRICT-NEXT: 1 record 1
// STRICT-NEXT: 2 record 2
#include "alloc.h"

typedef unsigned int u32;
struct two { long a, b; };
struct pair { char *p, *q; };

static char *g_pun, *g_words, *g_double, *g_result, *g_loop;
static struct pair g_struct;

static char *fill(const char *what, int i) {
  char *p = malloc(16);
  snprintf(p, 16, "%s %d", what, i);
  return p;
}

__attribute__((noinline)) static void pun(int i) {
  char *p = fill("pun", i);
  *(long *)(void *)&g_pun = *(long *)(void *)&p;
}

static void copy_words(u32 *d, const u32 *s) { d[0] = s[0]; d[1] = s[1]; }
__attribute__((noinline)) static void words(int i) {
  char *p = fill("words", i);
  copy_words((u32 *)(void *)&g_words, (const u32 *)(void *)&p);
}

static void copy_double(double *d, const double *s) { *d = *s; }
__attribute__((noinline)) static void dbl(int i) {
  char *p = fill("double", i);
  copy_double((double *)(void *)&g_double, (const double *)(void *)&p);
}

static void copy_two(struct two *d, const struct two *s) { *d = *s; }
__attribute__((noinline)) static void whole(int i) {
  struct pair loc = {fill("struct", i), 0};
  copy_two((struct two *)(void *)&g_struct, (const struct two *)(void *)&loc);
}

static long read_word(const long *s) { return *s; }
__attribute__((noinline)) static void result(int i) {
  char *p = fill("result", i);
  long v = read_word((const long *)(void *)&p);
  memcpy(&g_result, &v, sizeof v);
}

static void copy_n(void *dst, const void *src, int n) {
  long *d = dst;
  const long *s = src;
  for (int k = 0; k < n; k++)
    d[k] = s[k];
}
static char *g_table[2];
__attribute__((noinline)) static void loop(int i) {
  char *loc[2] = {fill("loop", i), 0};
  copy_n(g_table, loc, 2);
  g_loop = g_table[0];
}

// As <emmintrin.h>'s _mm_loadu_si128 and _mm_storeu_si128 copy 16 bytes.
typedef long long v2di __attribute__((vector_size(16), aligned(1), may_alias));
struct unaligned {
  v2di v;
} __attribute__((packed, may_alias));
static v2di load16(const void *p) { return ((const struct unaligned *)p)->v; }
static void store16(void *p, v2di x) { ((struct unaligned *)p)->v = x; }
static struct pair g_simd;
__attribute__((noinline)) static void simd(int i) {
  struct pair loc = {fill("simd", i), fill("simd", i)};
  store16(&g_simd, load16(&loc));
}

// Records appended to a table by a word copy through a may_alias type.
typedef unsigned long long __attribute__((may_alias)) word;
static void word_copy(void *dst, const void *src, size_t n) {
  word *d = dst;
  const word *s = src;
  for (; n >= sizeof(word); n -= sizeof(word))
    *d++ = *s++;
}
struct rec {
  long id;
  char *name;
};
static struct rec g_recs[3];
__attribute__((noinline)) static void record(int i) {
  struct rec r = {i, fill("record", i)};
  word_copy(&g_recs[i], &r, sizeof r);
}

__attribute__((noinline)) static void scribble(void) {
  volatile char big[8192];
  for (int i = 0; i < 8192; i++)
    big[i] = 'X';
  (void)big[0];
}

int main(void) {
  for (int i = 1; i <= 2; i++) {
    pun(i);
    scribble();
    printf("%.15s\n", g_pun);
  }
#ifndef STRICT
  for (int i = 1; i <= 2; i++) {
    words(i);
    scribble();
    printf("%.15s\n", g_words);
  }
  for (int i = 1; i <= 2; i++) {
    dbl(i);
    scribble();
    printf("%.15s\n", g_double);
  }
  for (int i = 1; i <= 2; i++) {
    whole(i);
    scribble();
    printf("%.15s\n", g_struct.p);
  }
  for (int i = 1; i <= 2; i++) {
    result(i);
    scribble();
    printf("%.15s\n", g_result);
  }
  for (int i = 1; i <= 2; i++) {
    loop(i);
    scribble();
    printf("%.15s\n", g_loop);
  }
#endif
  for (int i = 1; i <= 2; i++) {
    simd(i);
    scribble();
    printf("%.15s %.15s\n", g_simd.p, g_simd.q);
  }
  for (int i = 0; i < 3; i++)
    record(i);
  scribble();
  for (int i = 0; i < 3; i++)
    printf("%ld %.15s\n", g_recs[i].id, g_recs[i].name);
  return 0;
}
