// REQUIRES: escape-cc
// RUN: %clang -O2 %s -o %t.plain
// RUN: %t.plain > %t.plain.out
// RUN: %escape_cc -O2 %s -o %t.esc
// RUN: env ESCAPE_RT_ARENA_POISON=1 %t.esc > %t.esc.out
// RUN: diff %t.plain.out %t.esc.out
// RUN: %escape_cc -O0 %s -o %t.esc0
// RUN: env ESCAPE_RT_ARENA_POISON=1 %t.esc0 > %t.esc0.out
// RUN: diff %t.plain.out %t.esc0.out
// RUN: FileCheck %s < %t.esc.out
// Pointers copied out of their function through another member of a union
// (defined type punning), through SSE2 lanes (unpack, aligned loads,
// non-temporal and masked stores), or rebuilt from remainders by small
// primes and from bit tests: every block must stay on the heap.  Moved,
// each line printed what later calls wrote over it.
// CHECK: union a1 b1
// CHECK-NEXT: union a2 b2
// CHECK-NEXT: vector a1 b1
// CHECK-NEXT: vector a2 b2
// CHECK-NEXT: unpack a1 b1
// CHECK-NEXT: unpack a2 b2
// CHECK-NEXT: aligned a1 b1
// CHECK-NEXT: aligned a2 b2
// CHECK-NEXT: stream a1 b1
// CHECK-NEXT: stream a2 b2
// CHECK-NEXT: maskmove a1 b1
// CHECK-NEXT: maskmove a2 b2
// CHECK-NEXT: element a1 b1
// CHECK-NEXT: element a2 b2
// CHECK-NEXT: storel a1 b1
// CHECK-NEXT: storel a2 b2
// CHECK-NEXT: residues 1
// CHECK-NEXT: residues 2
// CHECK-NEXT: bits 1
// CHECK-NEXT: bits 2
#include <emmintrin.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

union words {
  char *p[2];
  struct {
    uint64_t w[2];
  } x;
};
union lanes {
  char *p[2];
  __m128i v;
};
static union words g_words;
static union lanes g_lanes;
static char *g_pair[2] __attribute__((aligned(16)));

static char *fill(const char *what, int i) {
  char *p = malloc(16);
  snprintf(p, 16, "%s%d", what, i);
  return p;
}

__attribute__((noinline)) static void by_union(int i) {
  union words u;
  u.p[0] = fill("a", i);
  u.p[1] = fill("b", i);
  g_words.x = u.x;
}

__attribute__((noinline)) static void by_vector(int i) {
  union lanes u;
  u.p[0] = fill("a", i);
  u.p[1] = fill("b", i);
  g_lanes.v = u.v;
}

__attribute__((noinline)) static void by_unpack(int i) {
  char *a[2] = {fill("a", i), fill("b", i)};
  __m128i v = _mm_loadu_si128((const __m128i *)a);
  __m128i lo = _mm_unpacklo_epi64(v, v), hi = _mm_unpackhi_epi64(v, v);
  _mm_storeu_si128((__m128i *)g_pair, _mm_unpacklo_epi64(lo, hi));
}

__attribute__((noinline)) static void by_aligned(int i) {
  char *a[2] __attribute__((aligned(16))) = {fill("a", i), fill("b", i)};
  __m128i v = _mm_load_si128((const __m128i *)a);
  _mm_storeu_si128((__m128i *)g_pair, v);
}

__attribute__((noinline)) static void by_stream(int i) {
  char *a[2] = {fill("a", i), fill("b", i)};
  _mm_stream_si128((__m128i *)g_pair, _mm_loadu_si128((const __m128i *)a));
  _mm_sfence();
}

__attribute__((noinline)) static void by_maskmove(int i) {
  char *a[2] = {fill("a", i), fill("b", i)};
  _mm_maskmoveu_si128(_mm_loadu_si128((const __m128i *)a), _mm_set1_epi8(-1), (char *)g_pair);
}

// An element of a vector: `v[1]`, `_mm_cvtsi128_si64`, `_mm_storel_epi64`.
__attribute__((noinline)) static void by_element(int i) {
  char *a[2] = {fill("a", i), fill("b", i)};
  __m128i v = _mm_loadu_si128((const __m128i *)a);
  g_pair[0] = (char *)(uintptr_t)_mm_cvtsi128_si64(v);
  g_pair[1] = (char *)(uintptr_t)v[1];
}

__attribute__((noinline)) static void by_storel(int i) {
  char *a[2] = {fill("a", i), fill("b", i)};
  _mm_storel_epi64((__m128i *)&g_pair[0], _mm_loadu_si128((const __m128i *)a));
  _mm_storel_epi64((__m128i *)&g_pair[1], _mm_loadu_si128((const __m128i *)&a[1]));
}

static const unsigned primes[] = {251, 241, 239, 233, 229, 227, 223, 211};
static unsigned g_res[8];
__attribute__((noinline)) static void by_residues(int i) {
  char *p = fill("residues ", i);
  uintptr_t v = (uintptr_t)p;
  g_res[0] = (unsigned)(v % 251);
  g_res[1] = (unsigned)(v % 241);
  g_res[2] = (unsigned)(v % 239);
  g_res[3] = (unsigned)(v % 233);
  g_res[4] = (unsigned)(v % 229);
  g_res[5] = (unsigned)(v % 227);
  g_res[6] = (unsigned)(v % 223);
  g_res[7] = (unsigned)(v % 211);
}
static char *from_residues(void) {
  // The Chinese remainder theorem, one modulus at a time.
  unsigned __int128 x = 0, m = 1;
  for (int k = 0; k < 8; k++) {
    while ((unsigned)(x % primes[k]) != g_res[k])
      x += m;
    m *= primes[k];
  }
  return (char *)(uintptr_t)x;
}

static unsigned char g_bits[8];
__attribute__((noinline)) static void by_bits(int i) {
  char *p = fill("bits ", i);
  memset(g_bits, 0, sizeof g_bits);
  for (int k = 0; k < 64; k++)
    if (((uintptr_t)p & ((uintptr_t)1 << k)) != 0)
      g_bits[k / 8] |= (unsigned char)(1u << (k % 8));
}
static char *from_bits(void) {
  uint64_t v = 0;
  for (int k = 0; k < 8; k++)
    v |= (uint64_t)g_bits[k] << (8 * k);
  return (char *)(uintptr_t)v;
}

__attribute__((noinline)) static void scribble(void) {
  volatile char big[8192];
  for (int i = 0; i < 8192; i++)
    big[i] = 'X';
  (void)big[0];
}

int main(void) {
  for (int i = 1; i <= 2; i++) {
    by_union(i);
    scribble();
    printf("union %.15s %.15s\n", g_words.p[0], g_words.p[1]);
  }
  for (int i = 1; i <= 2; i++) {
    by_vector(i);
    scribble();
    printf("vector %.15s %.15s\n", g_lanes.p[0], g_lanes.p[1]);
  }
  for (int i = 1; i <= 2; i++) {
    by_unpack(i);
    scribble();
    printf("unpack %.15s %.15s\n", g_pair[0], g_pair[1]);
  }
  for (int i = 1; i <= 2; i++) {
    by_aligned(i);
    scribble();
    printf("aligned %.15s %.15s\n", g_pair[0], g_pair[1]);
  }
  for (int i = 1; i <= 2; i++) {
    by_stream(i);
    scribble();
    printf("stream %.15s %.15s\n", g_pair[0], g_pair[1]);
  }
  for (int i = 1; i <= 2; i++) {
    by_maskmove(i);
    scribble();
    printf("maskmove %.15s %.15s\n", g_pair[0], g_pair[1]);
  }
  for (int i = 1; i <= 2; i++) {
    by_element(i);
    scribble();
    printf("element %.15s %.15s\n", g_pair[0], g_pair[1]);
  }
  for (int i = 1; i <= 2; i++) {
    by_storel(i);
    scribble();
    printf("storel %.15s %.15s\n", g_pair[0], g_pair[1]);
  }
  for (int i = 1; i <= 2; i++) {
    by_residues(i);
    scribble();
    printf("%.15s\n", from_residues());
  }
  for (int i = 1; i <= 2; i++) {
    by_bits(i);
    scribble();
    printf("%.15s\n", from_bits());
  }
  return 0;
}
